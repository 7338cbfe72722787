package org.sunbid.evaluation.web;

import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.evaluation.EvaluationManagement;
import org.sunbid.evaluation.EvaluationPlan;
import org.sunbid.evaluation.EvaluationReports;
import org.sunbid.evaluation.EvaluationView;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** The evaluation room: plan, session, check-in, conflicts, chair, compliance, signed sheets, report signing. */
@RestController
@Tag(name = "evaluation", description = "评标 Evaluation")
class EvaluationController {

    private static final String MEMBER = "hasAnyRole('EXPERT','TENDEREE','AGENT')";

    private final EvaluationManagement evaluations;
    private final EvaluationReports reports;

    EvaluationController(EvaluationManagement evaluations, EvaluationReports reports) {
        this.evaluations = evaluations;
        this.reports = reports;
    }

    record Declaration(@NotNull Boolean conflict, String reason) {
    }

    record ChairVote(@NotNull UUID candidate) {
    }

    record Review(@NotEmpty List<EvaluationManagement.VoteInput> votes) {
    }

    record Sheet(@NotBlank String content, @NotBlank String signature) {
    }

    @PutMapping("/api/projects/{projectId}/lots/{lotId}/evaluation-plan")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "招标人设置评标办法细则 The tenderee sets criteria, weights and price formula")
    EvaluationPlan plan(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            @RequestBody EvaluationManagement.PlanInput body) {
        return evaluations.setPlan(user, ProjectId.of(projectId), LotId.of(lotId), body);
    }

    @PostMapping("/api/projects/{projectId}/lots/{lotId}/evaluation")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "开启评标 Staff open the session once the opening record is final and the committee seated")
    EvaluationView open(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId) {
        return evaluations.open(user, ProjectId.of(projectId), LotId.of(lotId));
    }

    @GetMapping("/api/evaluations/{lotId}")
    @PreAuthorize("hasAnyRole('EXPERT','TENDEREE','AGENT','STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "评标室 The session as the caller may see it (staff: progress only)")
    EvaluationView view(CurrentUser user, @PathVariable UUID lotId) {
        return evaluations.view(user, LotId.of(lotId));
    }

    @PostMapping("/api/evaluations/{lotId}/check-in")
    @PreAuthorize(MEMBER)
    EvaluationView checkIn(CurrentUser user, @PathVariable UUID lotId) {
        return evaluations.checkIn(user, LotId.of(lotId));
    }

    @PostMapping("/api/evaluations/{lotId}/declaration")
    @PreAuthorize(MEMBER)
    @Operation(summary = "回避声明 Declare no conflict, or a conflict (the member is replaced)")
    EvaluationView declare(CurrentUser user, @PathVariable UUID lotId, @Valid @RequestBody Declaration body) {
        return evaluations.declare(user, LotId.of(lotId), body.conflict(), body.reason());
    }

    @PostMapping("/api/evaluations/{lotId}/chair-votes")
    @PreAuthorize(MEMBER)
    EvaluationView voteChair(CurrentUser user, @PathVariable UUID lotId, @Valid @RequestBody ChairVote body) {
        return evaluations.voteChair(user, LotId.of(lotId), MemberId.of(body.candidate()));
    }

    @PostMapping("/api/evaluations/{lotId}/compliance")
    @PreAuthorize(MEMBER)
    @Operation(summary = "符合性审查 Pass or fail each bid on each criterion, with reasons for a fail")
    EvaluationView review(CurrentUser user, @PathVariable UUID lotId, @Valid @RequestBody Review body) {
        return evaluations.review(user, LotId.of(lotId), body.votes());
    }

    @PostMapping("/api/evaluations/{lotId}/bids/{bidId}/score-sheet")
    @PreAuthorize(MEMBER)
    @Operation(summary = "提交签名评分表 Submit a score sheet: the JSON signed and its detached CMS signature (base64)")
    EvaluationView sheet(CurrentUser user, @PathVariable UUID lotId, @PathVariable UUID bidId,
            @Valid @RequestBody Sheet body) {
        return evaluations.submitSheet(user, LotId.of(lotId), BidId.of(bidId), body.content(), signature(body.signature()));
    }

    /** A detached CMS signature sent as base64. */
    static byte[] signature(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("signature", "evaluation.sheet.invalid", "signature is not base64");
        }
    }

    @PostMapping("/api/evaluations/{lotId}/extension-requests")
    @PreAuthorize(MEMBER)
    @Operation(summary = "申请延时 Ask for more time; more than a third of the members extends the session")
    EvaluationView extension(CurrentUser user, @PathVariable UUID lotId) {
        return evaluations.requestExtension(user, LotId.of(lotId));
    }

    @PostMapping("/api/evaluations/{lotId}/report")
    @PreAuthorize(MEMBER)
    @Operation(summary = "主任委员形成评标报告 The chair draws the report")
    EvaluationView draw(CurrentUser user, @PathVariable UUID lotId) {
        return reports.draw(user, LotId.of(lotId));
    }

    @GetMapping(value = "/api/evaluations/{lotId}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('EXPERT','TENDEREE','AGENT','STAFF','REGULATOR','ADMIN')")
    ResponseEntity<byte[]> report(CurrentUser user, @PathVariable UUID lotId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(reports.currentPdf(user, LotId.of(lotId)));
    }

    @PostMapping(value = "/api/evaluations/{lotId}/report/signatures", consumes = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(MEMBER)
    @Operation(summary = "评委签署评标报告 Upload the report with your incremental PAdES signature appended")
    EvaluationView sign(CurrentUser user, @PathVariable UUID lotId, InputStream body) {
        return reports.sign(user, LotId.of(lotId), body);
    }
}
