package org.sunbid.supervision.web;

import java.util.Base64;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.ProblemException;
import org.sunbid.supervision.SignedTreeHead;
import org.sunbid.supervision.SupervisionLog;

/** Anyone may pin the latest signed tree head and fetch the key that signs it. */
@RestController
@RequestMapping("/api/public/supervision")
@Tag(name = "public", description = "公开信息 Public")
class PublicSupervisionController {

    private final SupervisionLog log;

    PublicSupervisionController(SupervisionLog log) {
        this.log = log;
    }

    @GetMapping("/tree-head")
    @Operation(summary = "最新签名树头（公开） Latest signed tree head")
    SignedTreeHead latest() {
        return log.latestTreeHead().orElseThrow(() -> ProblemException.notFound("tree-head", "latest"));
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/inclusion-check",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "核验包含证明 Check an inclusion proof against the signed tree head of its size")
    SignedTreeHead check(@org.springframework.web.bind.annotation.RequestBody String proofJson) {
        return log.checkInclusion(proofJson);
    }

    @GetMapping(value = "/certificate", produces = "application/x-pem-file")
    @Operation(summary = "监察日志签名证书 Certificate of the key that signs tree heads (PEM)")
    ResponseEntity<String> certificate() {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(log.certificate())
                + "\n-----END CERTIFICATE-----\n";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file")).body(pem);
    }
}
