package org.sunbid.deposit.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.deposit.DepositInstructions;
import org.sunbid.deposit.DepositManagement;
import org.sunbid.deposit.ForfeitId;
import org.sunbid.deposit.ForfeitManagement;
import org.sunbid.deposit.ImportReport;
import org.sunbid.deposit.RefundBatchId;
import org.sunbid.deposit.RefundId;
import org.sunbid.deposit.RefundManagement;
import org.sunbid.deposit.StatementFormat;
import org.sunbid.deposit.StatementImports;
import org.sunbid.deposit.internal.Pain001Writer;
import org.sunbid.deposit.internal.Statements;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** Deposits: bidders' instructions, staff statement import, suspense, refund batches, forfeits. */
@RestController
@Tag(name = "deposit", description = "保证金 Deposits")
class DepositController {

    private final DepositManagement deposits;
    private final StatementImports imports;
    private final RefundManagement refunds;
    private final ForfeitManagement forfeits;

    DepositController(DepositManagement deposits, StatementImports imports, RefundManagement refunds,
            ForfeitManagement forfeits) {
        this.deposits = deposits;
        this.imports = imports;
        this.refunds = refunds;
        this.forfeits = forfeits;
    }

    @GetMapping("/api/projects/{projectId}/lots/{lotId}/deposit")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "我的保证金 My deposit for a lot: virtual sub-account, amount, due time, status")
    DepositInstructions mine(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId) {
        return deposits.instructions(user, ProjectId.of(projectId), LotId.of(lotId));
    }

    @PostMapping("/api/projects/{projectId}/lots/{lotId}/deposits/{memberId}/clearance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "到账确认 Staff confirm a deposit received outside an imported statement (posted to the ledger)")
    void confirmReceipt(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            @PathVariable UUID memberId) {
        deposits.confirmReceipt(user, ProjectId.of(projectId), LotId.of(lotId), MemberId.of(memberId));
    }

    @GetMapping("/api/projects/{projectId}/lots/{lotId}/deposits")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    @Operation(summary = "标段保证金 A lot's deposits: the total before the opening, payers from the opening on")
    DepositManagement.LotDeposits lot(@PathVariable UUID projectId, @PathVariable UUID lotId) {
        return deposits.lotDeposits(ProjectId.of(projectId), LotId.of(lotId));
    }

    @PostMapping(path = "/api/deposits/statements", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "导入银行对账单 Import a bank statement (camt.053 XML or the CSV layout) as the request body")
    ImportReport importStatement(CurrentUser user, @RequestParam StatementFormat format, HttpServletRequest request)
            throws IOException {
        try (InputStream in = request.getInputStream()) {
            return imports.importStatement(format, in, user.account());
        }
    }

    @GetMapping("/api/deposits/suspense")
    @PreAuthorize("hasRole('STAFF')")
    List<Statements.SuspenseItem> suspense() {
        return deposits.suspense();
    }

    record Match(@NotBlank @Size(max = 34) String virtualAccount, @Size(max = 400) String note) {
    }

    record Reason(@NotBlank @Size(max = 400) String reason) {
    }

    @PostMapping("/api/deposits/suspense/{bankRef}/match")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('STAFF')")
    void match(CurrentUser user, @PathVariable String bankRef, @Valid @RequestBody Match body) {
        deposits.matchSuspense(user, bankRef, body.virtualAccount(), body.note());
    }

    @PostMapping("/api/deposits/suspense/{bankRef}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('STAFF')")
    void giveBack(CurrentUser user, @PathVariable String bankRef, @Valid @RequestBody Reason body) {
        deposits.returnSuspense(user, bankRef, body.reason());
    }

    @GetMapping("/api/deposits/refunds")
    @PreAuthorize("hasRole('STAFF')")
    List<RefundManagement.RefundView> proposed() {
        return refunds.proposed();
    }

    @GetMapping("/api/deposits/refunds/late")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    @Operation(summary = "逾期未退 Refunds unpaid past their statutory due time")
    List<RefundManagement.RefundView> late() {
        return refunds.late();
    }

    @GetMapping("/api/deposits/forfeits")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    @Operation(summary = "没收保证金 Forfeit proposals and decisions")
    List<ForfeitManagement.ForfeitView> forfeitList() {
        return forfeits.list();
    }

    @PostMapping("/api/deposits/refunds/{refundId}/reissue")
    @PreAuthorize("hasRole('STAFF')")
    RefundManagement.RefundView reissue(CurrentUser user, @PathVariable UUID refundId) {
        return refunds.reissue(user, RefundId.of(refundId));
    }

    record NewBatch(String painVersion) {
    }

    @PostMapping("/api/deposits/refund-batches")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "制单 Make a refund batch of every proposed refund (maker)")
    RefundManagement.BatchView makeBatch(CurrentUser user, @RequestBody NewBatch body) {
        // 001.001.03 (the banks' long-standing version) or 001.001.09 (current, the default); both are validated
        // against their ISO 20022 schemas in the tests (docs/deposits.md)
        Pain001Writer.Version version = body.painVersion() == null ? Pain001Writer.Version.V09
                : Pain001Writer.Version.of(body.painVersion()).orElseThrow(
                        () -> ProblemException.invalid("painVersion", "deposit.refund.pain-version", body.painVersion()));
        return refunds.makeBatch(user, version);
    }

    @PostMapping("/api/deposits/refund-batches/{batchId}/approval")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "复核 Approve a refund batch (checker, not the maker); writes pain.001 to the bank folder")
    RefundManagement.BatchView approve(CurrentUser user, @PathVariable UUID batchId) {
        return refunds.approveBatch(user, RefundBatchId.of(batchId));
    }

    @GetMapping("/api/deposits/refund-batches")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    List<RefundManagement.BatchView> batches() {
        return refunds.batches();
    }

    @GetMapping("/api/deposits/refund-batches/{batchId}/pain001")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    ResponseEntity<FileSystemResource> pain(@PathVariable UUID batchId) {
        var file = refunds.painFile(RefundBatchId.of(batchId));
        if (!Files.exists(file)) {
            throw ProblemException.notFound("pain001", batchId);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(new FileSystemResource(file));
    }

    record NewForfeit(@NotNull UUID lotId, @NotNull UUID memberId, @NotBlank @Size(max = 400) String reason) {
    }

    record Decision(boolean approve) {
    }

    @PostMapping("/api/deposits/forfeits")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    Map<String, UUID> proposeForfeit(CurrentUser user, @Valid @RequestBody NewForfeit body) {
        return Map.of("id", forfeits.propose(user, LotId.of(body.lotId()), MemberId.of(body.memberId()),
                body.reason().strip()).value());
    }

    @PostMapping("/api/deposits/forfeits/{forfeitId}/decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('REGULATOR')")
    void decide(CurrentUser user, @PathVariable UUID forfeitId, @RequestBody Decision body) {
        forfeits.decide(user, ForfeitId.of(forfeitId), body.approve());
    }

    @GetMapping("/api/deposits/ledger")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    DepositManagement.LedgerCheck ledger() {
        return deposits.check();
    }
}
