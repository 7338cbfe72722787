package org.sunbid.expert.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.expert.ExpertAnswerLinks;
import org.sunbid.expert.SeatState;

/**
 * The signed links of an invitation mail, without a login: the link itself is the credential. GET shows the
 * invitation and never answers (mail scanners fetch links); POST, sent by the page's confirm button, answers.
 */
@RestController
@RequestMapping("/api/public/expert-answers")
@Tag(name = "experts", description = "专家库 Expert library")
class ExpertAnswerLinkController {

    private final ExpertAnswerLinks links;

    ExpertAnswerLinkController(ExpertAnswerLinks links) {
        this.links = links;
    }

    /** {@code reason}: required to decline, at most 500 characters (the portal's rule, which names the field). */
    record AnswerBody(String reason) {
    }

    @GetMapping("/{token}")
    @Operation(summary = "查看签名链接对应的抽取通知（不作答复） What a signed answer link asks; answers nothing")
    ExpertAnswerLinks.LinkView view(@PathVariable String token) {
        return links.view(token);
    }

    @PostMapping(value = "/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "确认签名链接的答复（拒绝须说明理由） Confirm the link's answer; a decline needs a reason")
    Map<String, SeatState> answer(@PathVariable String token, @RequestBody(required = false) AnswerBody body) {
        return Map.of("state", links.answer(token, body == null ? null : body.reason()));
    }
}
