package org.sunbid.opening.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sunbid.identity.CurrentUser;
import org.sunbid.opening.JoinOpening;
import org.sunbid.opening.OpeningHall.SessionView;
import org.sunbid.opening.OpeningHall;
import org.sunbid.opening.OpeningObjections;
import org.sunbid.opening.ReleaseShare;
import org.sunbid.opening.SelfDecrypt;
import org.sunbid.opening.StartOpening;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ObjectionId;

/** The opening hall: starting the session, joining, custodians' releases, self-decryption, confirmations, objections. */
@RestController
@Tag(name = "bids", description = "投标与开标 Sealed bids and opening")
class OpeningController {

    private final StartOpening start;
    private final JoinOpening join;
    private final ReleaseShare release;
    private final SelfDecrypt selfDecrypt;
    private final OpeningObjections objections;
    private final OpeningHall hall;
    private final HallEvents events;

    OpeningController(StartOpening start, JoinOpening join, ReleaseShare release, SelfDecrypt selfDecrypt,
            OpeningObjections objections, OpeningHall hall, HallEvents events) {
        this.start = start;
        this.join = join;
        this.release = release;
        this.selfDecrypt = selfDecrypt;
        this.objections = objections;
        this.hall = hall;
        this.events = events;
    }

    record Objection(String text) {
    }

    record Answer(String answer) {
    }

    @PostMapping("/api/openings/{projectId}/{lotId}/start")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "开始开标 Start the opening session (after the opening time)")
    SessionView startOpening(@PathVariable UUID projectId, @PathVariable UUID lotId) {
        return start.start(ProjectId.of(projectId), LotId.of(lotId));
    }

    @GetMapping("/api/openings/{projectId}/{lotId}/session-key")
    @PreAuthorize("hasAnyRole('CUSTODIAN','STAFF','ADMIN')")
    @Operation(summary = "开标会话证书 The session's current key while it waits for shares: certificate (PEM), the "
            + "platform's binding of it to this lot and key id (JSON) and the document signer's detached CMS signature "
            + "over that JSON (Base64) — check it against the platform root before sealing a share to it")
    ReleaseShare.SessionKeyView sessionKey(@PathVariable UUID projectId, @PathVariable UUID lotId) {
        return release.sessionKey(ProjectId.of(projectId), LotId.of(lotId));
    }

    @PostMapping("/api/openings/{projectId}/{lotId}/shares")
    @PreAuthorize("hasRole('CUSTODIAN')")
    @Operation(summary = "释放密钥份额（本人加密并签名） Release a key share sealed by the custodian to the session key "
            + "(keyId, index, sealedShare) with a detached CMS signature over the sealed bytes; a share in clear is refused")
    SessionView release(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            @RequestBody ReleaseShare.SealedRelease body) {
        return release.release(user, ProjectId.of(projectId), LotId.of(lotId), body);
    }

    @GetMapping("/api/openings")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','CUSTODIAN','STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "我可参加的开标 Today's and upcoming openings the caller can follow")
    List<OpeningHall.OpeningSummary> openings(CurrentUser user) {
        return hall.openings(user);
    }

    @GetMapping("/api/openings/{projectId}/{lotId}")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','CUSTODIAN','STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "开标大厅 The opening hall: countdown, who joined, custodians' shares, per-bid progress, record, "
            + "objections (poll it every second or two to follow the opening live)")
    SessionView hall(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId) {
        return hall.view(user, ProjectId.of(projectId), LotId.of(lotId));
    }

    @GetMapping(path = "/api/openings/{projectId}/{lotId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','CUSTODIAN','STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "开标大厅实时推送 The hall as server-sent events: `event: hall` with the hall's JSON at once and "
            + "whenever it changes, whichever node made the change (polling the hall stays the fallback)")
    SseEmitter hallEvents(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId) {
        return events.open(user, ProjectId.of(projectId), LotId.of(lotId));
    }

    @PostMapping("/api/openings/{projectId}/{lotId}/join")
    @PreAuthorize("hasAnyRole('BIDDER','CUSTODIAN')")
    @Operation(summary = "进入开标大厅（签到） A bidder of the lot or a custodian named for it joins the session")
    SessionView join(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId) {
        return join.join(user, ProjectId.of(projectId), LotId.of(lotId));
    }

    @PostMapping(path = "/api/openings/{projectId}/{lotId}/bids/{bidId}/self-decryption",
            consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "投标人自行解密 Upload the signed package decrypted with the bidder's own key (body) and the "
            + "content-encryption key it recovered (header X-Content-Key, Base64, from bidtool open --export-cek)")
    SessionView selfDecrypt(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            @PathVariable UUID bidId, @RequestHeader(name = "X-Content-Key", required = false) String contentKey,
            HttpServletRequest request) throws IOException {
        return selfDecrypt.selfDecrypt(user, ProjectId.of(projectId), LotId.of(lotId), BidId.of(bidId), contentKey,
                request.getInputStream());
    }

    @PostMapping("/api/openings/{projectId}/{lotId}/confirmation")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "确认开标记录 A bidder confirms the opening record")
    SessionView confirm(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId) {
        return objections.confirm(user, ProjectId.of(projectId), LotId.of(lotId));
    }

    @PostMapping("/api/openings/{projectId}/{lotId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "对开标提出异议 A bidder objects to the opening during the session")
    SessionView object(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            @RequestBody Objection body) {
        return objections.object(user, ProjectId.of(projectId), LotId.of(lotId), body.text());
    }

    @PostMapping("/api/openings/{projectId}/{lotId}/objections/{objectionId}/answer")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "答复开标异议 Staff answer an objection; the answer is recorded")
    SessionView answer(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            @PathVariable UUID objectionId, @RequestBody Answer body) {
        return objections.answer(user, ProjectId.of(projectId), LotId.of(lotId), ObjectionId.of(objectionId),
                body.answer());
    }
}
