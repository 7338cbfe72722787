package org.sunbid.document.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.archive.ArchiveVerifier;
import org.sunbid.signing.pdf.PdfSignatureReport;
import org.sunbid.signing.pdf.PdfSignatureVerifier;

/**
 * Anyone may drop a signed PDF or an archive package here and see what it proves: signed by the platform's document
 * signer, whose certificate chains to the platform root.
 */
@RestController
@Tag(name = "verification", description = "公开核验 Public verification")
class VerificationController {

    private final PlatformTrust trust;

    VerificationController(PlatformTrust trust) {
        this.trust = trust;
    }

    @PostMapping(path = "/api/public/verify/pdf", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "核验签章 PDF Check every signature of a PDF")
    List<PdfSignatureReport> pdf(@RequestPart("file") MultipartFile file) {
        Path copy = copy(file, ".pdf");
        try {
            return PdfSignatureVerifier.verify(copy, List.of(trust.root()), PdfSignatureVerifier.Limits.DEFAULT).stream()
                    .map(this::requirePlatformSigner).toList();
        } catch (PdfSignatureVerifier.UnreadablePdfException e) {
            throw ProblemException.invalid("file", "document.verify.unreadable-pdf", e.getMessage());
        } finally {
            delete(copy);
        }
    }

    @PostMapping(path = "/api/public/verify/archive", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "核验归档包 Check an archive package")
    ArchiveVerifier.Report archive(@RequestPart("file") MultipartFile file) {
        Path copy = copy(file, ".zip");
        try {
            ArchiveVerifier.Report report = ArchiveVerifier.verify(copy, List.of(trust.root()));
            if (report.signer() == null || report.signer().equals(platformSigner())) {
                return report;
            }
            return new ArchiveVerifier.Report(report.project(), report.signer(), report.timestamp(), report.documents(),
                    notThePlatform(report.problems(), report.signer()), report.badPaths(), report.notes());
        } catch (ArchiveVerifier.UnreadableArchiveException e) {
            throw ProblemException.invalid("file", "document.verify.unreadable-archive", e.getMessage());
        } finally {
            delete(copy);
        }
    }

    /**
     * The root also certifies members' and custodians' keys (their certificates chain to it), so chaining alone does
     * not prove the platform signed: a signature by anyone but the platform's document signer is named as a problem.
     */
    private PdfSignatureReport requirePlatformSigner(PdfSignatureReport report) {
        if (report.signer() == null || report.signer().equals(platformSigner())) {
            return report;
        }
        return new PdfSignatureReport(report.field(), report.signer(), report.claimedTime(), report.timestampTime(),
                report.coversWholeDocument(), report.subFilter(), notThePlatform(report.problems(), report.signer()),
                report.notes());
    }

    private String platformSigner() {
        return trust.documentSigner().certificate().getSubjectX500Principal().getName();
    }

    private static List<String> notThePlatform(List<String> problems, String signer) {
        List<String> all = new java.util.ArrayList<>(problems);
        all.add("signer is not the platform's document signer: " + signer);
        return all;
    }

    private static Path copy(MultipartFile file, String suffix) {
        if (file.isEmpty()) {
            throw ProblemException.invalid("file", "document.verify.empty");
        }
        try {
            Path copy = Files.createTempFile("sunbid-verify-", suffix);
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw ProblemException.invalid("file", "document.verify.unreadable-upload");
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // temporary copy of a public upload
        }
    }
}
