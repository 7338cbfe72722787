package org.sunbid.document.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The address printed in every signed PDF's QR code leads to the public verification page for that document. */
@Controller
@Tag(name = "verification", description = "公开核验 Public verification")
class DocumentLinkController {

    @GetMapping("/verify/documents/{id}")
    @Operation(summary = "二维码核验地址 Where a document's QR code leads: the verification page for that document")
    ResponseEntity<Void> verificationPage(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/verify.html?document=" + id)).build();
    }
}
