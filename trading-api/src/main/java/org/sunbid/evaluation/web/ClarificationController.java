package org.sunbid.evaluation.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.evaluation.Clarification;
import org.sunbid.evaluation.ClarificationId;
import org.sunbid.evaluation.ClarificationRequests;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;

/** Clarification requests from the committee to a bidder, and the bidder's signed answers (澄清). */
@RestController
@Tag(name = "evaluation", description = "评标 Evaluation")
class ClarificationController {

    private final ClarificationRequests clarifications;

    ClarificationController(ClarificationRequests clarifications) {
        this.clarifications = clarifications;
    }

    record Question(@NotNull UUID bid, @NotBlank @Size(max = Clarification.MAX_QUESTION) String question,
            @NotNull @Min(30) @Max(4320) Integer answerWithinMinutes) {
    }

    record Answer(@NotBlank String content, @NotBlank String signature) {
    }

    @PostMapping("/api/evaluations/{lotId}/clarifications")
    @PreAuthorize("hasAnyRole('EXPERT','TENDEREE','AGENT')")
    @Operation(summary = "评委要求澄清 A committee member asks a bidder to clarify its bid, with a deadline")
    ClarificationRequests.ClarificationView ask(CurrentUser user, @PathVariable UUID lotId,
            @Valid @RequestBody Question body) {
        return clarifications.ask(user, LotId.of(lotId), BidId.of(body.bid()), body.question(), body.answerWithinMinutes());
    }

    @GetMapping("/api/evaluations/{lotId}/clarifications")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "澄清记录 The committee sees every request; a bidder only those addressed to it")
    List<ClarificationRequests.ClarificationView> list(CurrentUser user, @PathVariable UUID lotId) {
        return clarifications.list(user, LotId.of(lotId));
    }

    @PostMapping("/api/evaluations/{lotId}/clarifications/{clarificationId}/answer")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "投标人签名答复澄清 The bidder answers: sunbid-clarification-answer/1 JSON and its detached CMS (base64)")
    ClarificationRequests.ClarificationView answer(CurrentUser user, @PathVariable UUID lotId,
            @PathVariable UUID clarificationId, @Valid @RequestBody Answer body) {
        return clarifications.answer(user, LotId.of(lotId), ClarificationId.of(clarificationId), body.content(),
                EvaluationController.signature(body.signature()));
    }
}
