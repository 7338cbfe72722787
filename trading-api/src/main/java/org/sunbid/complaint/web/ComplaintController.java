package org.sunbid.complaint.web;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.complaint.Complaint;
import org.sunbid.complaint.ComplaintId;
import org.sunbid.complaint.ComplaintManagement;
import org.sunbid.complaint.ComplaintView;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.project.ObjectionId;

/** Complaints: the objector files and follows, the tenderee follows, the regulator handles. */
@RestController
@RequestMapping("/api/complaints")
@Tag(name = "complaints", description = "投诉 Complaints (实施条例 arts. 60–62)")
class ComplaintController {

    private final ComplaintManagement complaints;

    ComplaintController(ComplaintManagement complaints) {
        this.complaints = complaints;
    }

    record Filing(@NotNull UUID objectionId, @NotBlank @Size(max = 4000) String text, @NotBlank String signature) {
    }

    record Acceptance(Boolean suspendProcedure) {
    }

    record Reason(@NotBlank @Size(max = 4000) String reason) {
    }

    record Decision(@NotNull Complaint.Verdict verdict, @NotBlank @Size(max = 4000) String decision) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "提出投诉 File a complaint after an objection; the text signed (detached CMS, base64)")
    ComplaintView file(CurrentUser user, @Valid @RequestBody Filing body) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(body.signature().strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("signature", "complaint.signature.not-base64");
        }
        return complaints.file(user, ObjectionId.of(body.objectionId()), body.text(), signature);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()") // the service shows each caller only the complaints it is party to
    @Operation(summary = "投诉列表与期限 Complaints with their deadlines")
    List<ComplaintView> list(CurrentUser user) {
        return complaints.list(user);
    }

    @GetMapping("/objections")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "可投诉的异议及投诉期限 The caller's objections and their last day to complain")
    List<ComplaintManagement.Eligible> eligible(CurrentUser user) {
        return complaints.eligible(user);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "投诉详情 A complaint")
    ComplaintView view(CurrentUser user, @PathVariable UUID id) {
        return complaints.view(user, ComplaintId.of(id));
    }

    @GetMapping("/{id}/signature")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "投诉人签名（CMS，DER） The complainant's detached CMS signature")
    ResponseEntity<byte[]> signature(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/pkcs7-signature")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"complaint-" + id + ".p7s\"")
                .body(complaints.signature(user, ComplaintId.of(id)));
    }

    @PostMapping("/{id}/acceptance")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "受理（可暂停招标投标活动） Accept, optionally suspending the procedure")
    ComplaintView accept(CurrentUser user, @PathVariable UUID id, @RequestBody Acceptance body) {
        return complaints.accept(user, ComplaintId.of(id), body != null && Boolean.TRUE.equals(body.suspendProcedure()));
    }

    @PostMapping("/{id}/refusal")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "不予受理 Refuse, with the reason")
    ComplaintView refuse(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return complaints.refuse(user, ComplaintId.of(id), body.reason());
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "责令暂停招标投标活动 Suspend the procedure")
    ComplaintView suspend(CurrentUser user, @PathVariable UUID id) {
        return complaints.suspend(user, ComplaintId.of(id));
    }

    @PostMapping("/{id}/pause")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "检验、检测、鉴定、专家评审（不计入期限） Pause for an expert opinion or a test")
    ComplaintView pause(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return complaints.pause(user, ComplaintId.of(id), body.reason());
    }

    @PostMapping("/{id}/resumption")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "恢复计算期限 End the pause")
    ComplaintView resume(CurrentUser user, @PathVariable UUID id) {
        return complaints.resume(user, ComplaintId.of(id));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "作出处理决定（平台签章、公告、送达） Decide: signed, published and sent to the parties")
    ComplaintView decide(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Decision body) {
        return complaints.decide(user, ComplaintId.of(id), body.verdict(), body.decision());
    }
}
