package org.sunbid.bid.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.BidSubmissions;
import org.sunbid.bid.BidView;
import org.sunbid.bid.BidWithdrawals;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.Receipt;
import org.sunbid.bid.UploadId;
import org.sunbid.bid.WithdrawalReceipt;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/** Sealed submission, receipts and custodians' keys (the opening hall is the opening feature's). */
@RestController
@Tag(name = "bids", description = "投标与开标 Sealed bids and opening")
class BidController {

    /** How long a client waits before asking again for a receipt PDF still being issued. */
    static final int PDF_RETRY_SECONDS = 2;

    private final BidSubmissions submissions;
    private final BidWithdrawals withdrawals;
    private final BidManagement bids;
    private final OpeningKeys keys;

    BidController(BidSubmissions submissions, BidWithdrawals withdrawals, BidManagement bids, OpeningKeys keys) {
        this.submissions = submissions;
        this.withdrawals = withdrawals;
        this.bids = bids;
        this.keys = keys;
    }

    record StartUpload(@NotNull UUID projectId, @NotNull UUID lotId, @NotNull Long size, @NotBlank String sha256) {
    }

    record Complete(@NotBlank String manifest) {
    }

    record Withdrawal(@NotBlank String signature) {
    }

    record CustodianCertificate(@NotBlank String certificate) {
    }

    // ---- custodians and opening keys

    @PostMapping("/api/custodians/me/certificate")
    @PreAuthorize("hasRole('CUSTODIAN')")
    @Operation(summary = "保管人绑定证书 A custodian binds the certificate its key shares are sealed to")
    Map<String, String> bindCertificate(CurrentUser user, @Valid @RequestBody CustodianCertificate body) {
        return Map.of("fingerprint", keys.bindCustodianCertificate(user, body.certificate().getBytes(StandardCharsets.US_ASCII)));
    }

    @GetMapping("/api/custodians/me/shares")
    @PreAuthorize("hasRole('CUSTODIAN')")
    @Operation(summary = "我的密封份额 The caller's sealed key shares, to open offline with its own key")
    List<OpeningKeys.SealedShare> shares(CurrentUser user) {
        return keys.sharesOf(user);
    }

    @PostMapping("/api/projects/{projectId}/opening-keys")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "补建开标密钥 Create missing opening keys of a published project")
    Map<String, Integer> createKeys(@PathVariable UUID projectId) {
        return Map.of("created", keys.createFor(ProjectId.of(projectId)));
    }

    @GetMapping(path = "/api/public/projects/{projectId}/lots/{lotId}/opening-certificate", produces = "application/x-pem-file")
    @Operation(summary = "标段开标证书（加密投标文件用） The lot's opening certificate, to seal tenders to")
    String openingCertificate(@PathVariable UUID projectId, @PathVariable UUID lotId) {
        return keys.certificatePem(ProjectId.of(projectId), LotId.of(lotId));
    }

    // ---- submission

    @PostMapping("/api/bids/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "开始上传密封投标文件 Start a resumable upload of a sealed tender")
    BidSubmissions.UploadState start(CurrentUser user, @Valid @RequestBody StartUpload body) {
        return submissions.startUpload(user, ProjectId.of(body.projectId()), LotId.of(body.lotId()), body.size(), body.sha256());
    }

    @GetMapping("/api/bids/uploads/{id}")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "上传进度（断点续传） Where a resumed upload continues")
    BidSubmissions.UploadState state(CurrentUser user, @PathVariable UUID id) {
        return submissions.uploadState(user, UploadId.of(id));
    }

    @PutMapping(path = "/api/bids/uploads/{id}", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "上传数据块 Append bytes at an offset, streamed")
    BidSubmissions.UploadState append(CurrentUser user, @PathVariable UUID id, @RequestParam long offset,
            HttpServletRequest request) throws IOException {
        return submissions.append(user, UploadId.of(id), offset, request.getInputStream());
    }

    @PostMapping("/api/bids/uploads/{id}/complete")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "提交签名清单并取得回执 Complete with the signed manifest; returns the receipt")
    Receipt complete(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Complete body, HttpServletRequest request) {
        return submissions.complete(user, UploadId.of(id), body.manifest(), request.getRemoteAddr());
    }

    @GetMapping("/api/bids")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "我的投标 The caller's own bids")
    List<BidView> mine(CurrentUser user, @RequestParam(required = false) UUID lotId) {
        return bids.mine(user, lotId == null ? null : LotId.of(lotId));
    }

    @GetMapping("/api/bids/{id}/receipt")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "投标回执 A bid's receipt (404 for anyone but its bidder)")
    Receipt receipt(CurrentUser user, @PathVariable UUID id) {
        return bids.receipt(user, BidId.of(id));
    }

    @GetMapping("/api/bids/{id}/receipt.pdf")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "投标回执 PDF（生成中时返回 202 与 Retry-After）The receipt's signed PDF; 202 with Retry-After while it "
            + "is still being issued (it is issued after the completion answers; the signed JSON receipt is the proof)")
    ResponseEntity<?> receiptPdf(CurrentUser user, @PathVariable UUID id) {
        return bids.receiptPdf(user, BidId.of(id)).<ResponseEntity<?>>map(pdf -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("receipt-" + id + ".pdf").build().toString())
                .body(pdf))
                .orElseGet(() -> ResponseEntity.accepted().header(HttpHeaders.RETRY_AFTER, String.valueOf(PDF_RETRY_SECONDS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("bid", id, "status", "ISSUING", "retryAfterSeconds", PDF_RETRY_SECONDS)));
    }

    @PostMapping("/api/bids/{id}/withdrawal")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "撤回投标（需签名），返回撤回回执 Withdraw before the deadline with a signed withdrawal; returns the withdrawal receipt")
    WithdrawalReceipt withdraw(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Withdrawal body) {
        return withdrawals.withdraw(user, BidId.of(id), body.signature());
    }

    @GetMapping("/api/bids/{id}/withdrawal-receipt")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "撤回回执 A withdrawn bid's receipt (404 for anyone but its bidder)")
    WithdrawalReceipt withdrawalReceipt(CurrentUser user, @PathVariable UUID id) {
        return withdrawals.withdrawalReceipt(user, BidId.of(id));
    }
}
