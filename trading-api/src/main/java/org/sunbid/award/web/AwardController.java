package org.sunbid.award.web;

import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.award.Award;
import org.sunbid.award.AwardContracts;
import org.sunbid.award.AwardManagement;
import org.sunbid.award.AwardView;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.project.ObjectionId;

/** Candidates' publicity, objections, the signed award decision and the contract. */
@RestController
@Tag(name = "award", description = "定标 Award")
class AwardController {

    private final AwardManagement awards;
    private final AwardContracts contracts;

    AwardController(AwardManagement awards, AwardContracts contracts) {
        this.awards = awards;
        this.contracts = contracts;
    }

    record Publicity(Integer days) {
    }

    record ObjectionBody(@NotBlank String text, @NotBlank String signature) {
    }

    record AnswerBody(@NotBlank String answer) {
    }

    record Skip(@NotNull UUID bid, @NotNull Award.PassOver reason) {
    }

    record Decision(@NotNull UUID bid, List<Skip> skipped, @NotBlank String signature) {
    }

    @GetMapping("/api/public/awards/{lotId}")
    @Operation(summary = "中标候选人公开信息 The publicised candidates of a lot, for the public notice pages")
    AwardManagement.PublicAward publicView(@PathVariable UUID lotId) {
        return awards.publicView(LotId.of(lotId));
    }

    @GetMapping("/api/awards/{lotId}")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','BIDDER','STAFF','REGULATOR','ADMIN')")
    AwardView view(CurrentUser user, @PathVariable UUID lotId) {
        return awards.view(user, LotId.of(lotId));
    }

    @PostMapping("/api/awards/{lotId}/publicity")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "发布中标候选人公示 Publish the candidates (within 3 days of the report, at least 3 days)")
    AwardView publicity(CurrentUser user, @PathVariable UUID lotId, @RequestBody(required = false) Publicity body) {
        return awards.publishPublicity(user, LotId.of(lotId), body == null ? null : body.days());
    }

    @PostMapping("/api/awards/{lotId}/objections")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "对评标结果提出异议 Object during the publicity; the text signed (detached CMS, base64)")
    AwardView object(CurrentUser user, @PathVariable UUID lotId, @Valid @RequestBody ObjectionBody body) {
        return awards.object(user, LotId.of(lotId), body.text(), base64(body.signature()));
    }

    @PostMapping("/api/awards/{lotId}/objections/{objectionId}/answer")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    AwardView answer(CurrentUser user, @PathVariable UUID lotId, @PathVariable UUID objectionId,
            @Valid @RequestBody AnswerBody body) {
        return awards.answer(user, LotId.of(lotId), ObjectionId.of(objectionId), body.answer());
    }

    @PostMapping("/api/awards/{lotId}/decision")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "定标 The signed award decision (detached CMS over the sunbid-award-decision/1 JSON)")
    AwardView decide(CurrentUser user, @PathVariable UUID lotId, @Valid @RequestBody Decision body) {
        List<Award.Skipped> skipped = body.skipped() == null ? List.of()
                : body.skipped().stream().map(s -> new Award.Skipped(org.sunbid.platform.id.BidId.of(s.bid()), s.reason()))
                        .toList();
        return awards.decide(user, LotId.of(lotId), BidId.of(body.bid()), skipped, base64(body.signature()));
    }

    @PostMapping(value = "/api/awards/{lotId}/contract", consumes = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "上传签订的合同 Upload the signed contract (PDF); completes the lot")
    AwardView contract(CurrentUser user, @PathVariable UUID lotId,
            @RequestHeader(value = "X-File-Name", required = false) String fileName, InputStream body) {
        return contracts.upload(user, LotId.of(lotId), fileName, body);
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("signature", "award.invalid", "signature is not base64");
        }
    }
}
