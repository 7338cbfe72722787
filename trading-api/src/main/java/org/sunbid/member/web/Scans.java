package org.sunbid.member.web;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.sunbid.member.MemberQualifications;

/** Sends a stored scan as a download (never rendered inline, so a crafted file cannot run in the browser). */
final class Scans {

    private Scans() {
    }

    static ResponseEntity<InputStreamResource> respond(MemberQualifications.Scan scan) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(scan.mediaType()))
                .contentLength(scan.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(scan.fileName() == null ? "scan" : scan.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(scan.content()));
    }
}
