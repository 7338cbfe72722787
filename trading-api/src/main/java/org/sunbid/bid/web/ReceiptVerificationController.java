package org.sunbid.bid.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.bid.ReceiptVerification;

/** Anyone may check a bid receipt JSON against the platform root: signature, time-stamp, and the signed fields. */
@RestController
@Tag(name = "verification", description = "公开核验 Public verification")
class ReceiptVerificationController {

    private final ReceiptVerification receipts;

    ReceiptVerificationController(ReceiptVerification receipts) {
        this.receipts = receipts;
    }

    @PostMapping(path = "/api/public/verify/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "核验投标回执 Check a bid receipt (the JSON the bidder downloaded)")
    ReceiptVerification.Check receipt(@RequestBody Map<String, Object> receipt) {
        return receipts.check(receipt);
    }
}
