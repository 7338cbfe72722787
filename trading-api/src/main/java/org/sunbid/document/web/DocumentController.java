package org.sunbid.document.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.document.DocumentId;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.DocumentSubject;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** Downloads of signed platform documents, and the public facts behind a document's QR code. */
@RestController
@Tag(name = "documents", description = "电子签章文件 Signed documents")
class DocumentController {

    private final DocumentManagement documents;

    DocumentController(DocumentManagement documents) {
        this.documents = documents;
    }

    @GetMapping("/api/documents/mine")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "我的签章文件 The caller's own documents (approval certificate, receipts)")
    java.util.List<SignedDocument> mine(CurrentUser user) {
        return documents.ownedBy(MemberId.of(user.requireMember()));
    }

    @GetMapping("/api/documents/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "文件信息 A document's metadata")
    SignedDocument metadata(@PathVariable UUID id, CurrentUser user) {
        documents.pdfFor(DocumentId.of(id), user).orElseThrow(() -> ProblemException.notFound("document", id));
        return documents.find(DocumentId.of(id)).orElseThrow();
    }

    @GetMapping("/api/documents/{id}/pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "下载签章 PDF Download the signed PDF")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, CurrentUser user) {
        return pdfResponse(id, documents.pdfFor(DocumentId.of(id), user).orElseThrow(() -> ProblemException.notFound("document", id)));
    }

    @GetMapping("/api/public/documents/{id}/pdf")
    @Operation(summary = "下载公开的签章 PDF Download a public signed PDF")
    ResponseEntity<byte[]> publicPdf(@PathVariable UUID id) {
        return pdfResponse(id, documents.pdfFor(DocumentId.of(id), null).orElseThrow(() -> ProblemException.notFound("document", id)));
    }

    @GetMapping("/api/public/documents")
    @Operation(summary = "公开文件列表 Public signed documents of projects or lots (e.g. opening records), newest first")
    List<SignedDocument> publicDocuments(@RequestParam List<UUID> subject) {
        if (subject.isEmpty() || subject.size() > 50) {
            throw ProblemException.invalid("subject", "document.subjects.range", 50);
        }
        return subject.stream().distinct().flatMap(s -> documents.forSubject(DocumentSubject.of(s)).stream())
                .filter(d -> d.visibility() == Visibility.PUBLIC)
                .sorted(java.util.Comparator.comparing(SignedDocument::issuedAt).reversed()).toList();
    }

    /**
     * What the QR code of a public document leads to: enough to check a copy in hand (hash, kind, time), nothing of
     * its content. A non-public document (a bid receipt, say) is answered as unknown: its kind and time would tell an
     * outsider that someone bid.
     */
    @GetMapping("/api/public/documents/{id}")
    @Operation(summary = "公开文件核验信息 Verification facts of a public document")
    Map<String, Object> verification(@PathVariable UUID id) {
        SignedDocument d = documents.find(DocumentId.of(id)).filter(doc -> doc.visibility() == Visibility.PUBLIC)
                .orElseThrow(() -> ProblemException.notFound("document", id));
        return Map.of("id", d.id(), "kind", d.kind(), "kindName", d.kind().zh() + " " + d.kind().en(),
                "sha256", d.sha256(), "size", d.size(), "issuedAt", d.issuedAt(), "signer", d.signer());
    }

    private static ResponseEntity<byte[]> pdfResponse(UUID id, byte[] pdf) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("sunbid-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
