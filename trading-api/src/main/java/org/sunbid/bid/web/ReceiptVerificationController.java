package org.sunbid.bid.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.bid.ReceiptVerification;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.certs.Certificates;

/** Anyone may check a bid receipt JSON against the platform root (signature, time-stamp, signed fields) and fetch that root. */
@RestController
@Tag(name = "verification", description = "公开核验 Public verification")
class ReceiptVerificationController {

    private final ReceiptVerification receipts;
    private final PlatformTrust trust;

    ReceiptVerificationController(ReceiptVerification receipts, PlatformTrust trust) {
        this.receipts = receipts;
        this.trust = trust;
    }

    @GetMapping(path = "/api/public/verify/root-certificate", produces = "application/x-pem-file")
    @Operation(summary = "平台根证书 The platform root certificate every receipt, signed PDF and archive chains to (PEM)")
    ResponseEntity<String> root() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .header("Content-Disposition", "attachment; filename=\"sunbid-root.pem\"")
                .body(Certificates.toPem(trust.root()));
    }

    @PostMapping(path = "/api/public/verify/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "核验投标回执 Check a bid receipt (the JSON the bidder downloaded)")
    ReceiptVerification.Check receipt(@RequestBody Map<String, Object> receipt) {
        return receipts.check(receipt);
    }
}
