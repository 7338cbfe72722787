package org.sunbid.evaluation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import org.sunbid.platform.ProblemException;
import org.sunbid.signing.pdf.PdfSignatureReport;
import org.sunbid.signing.pdf.PdfSignatureVerifier;

/**
 * Accepts a signer's version of a PDF only as one more incremental signature on the current version: the current bytes
 * unchanged at its start, exactly one signature more than before, and that last signature (the one covering the whole
 * file) valid and made with one of the signer's certificates (its chain must reach one of them).
 */
public final class IncrementalSignatures {

    private IncrementalSignatures() {
    }

    public static PdfSignatureReport check(byte[] current, byte[] signed, int signaturesBefore,
            List<X509Certificate> signerCertificates) {
        if (signed.length <= current.length || !Arrays.equals(signed, 0, current.length, current, 0, current.length)) {
            throw ProblemException.rule("report-not-incremental", "file", "evaluation.refused",
                    "the signed report must append a signature to the current version without changing it");
        }
        if (signerCertificates.isEmpty()) {
            throw ProblemException.rule("report-signature-invalid", "file", "evaluation.refused",
                    "the signer has no bound certificate");
        }
        List<PdfSignatureReport> reports = verify(signed, signerCertificates);
        if (reports.size() != signaturesBefore + 1) {
            throw ProblemException.rule("report-signature-count", "file", "evaluation.refused",
                    "expected %d signatures, found %d".formatted(signaturesBefore + 1, reports.size()));
        }
        PdfSignatureReport last = reports.stream().filter(PdfSignatureReport::coversWholeDocument).findFirst()
                .orElseThrow(() -> ProblemException.rule("report-signature-invalid", "file", "evaluation.refused",
                                "no signature covers the whole document"));
        if (!last.valid()) {
            throw ProblemException.rule("report-signature-invalid", "file", "evaluation.refused",
                    "the new signature is not valid or not made with the signer's certificate: "
                            + String.join("; ", last.problems()));
        }
        return last;
    }

    /** Every signature of the PDF checked against the given anchors. */
    public static List<PdfSignatureReport> verify(byte[] pdf, List<X509Certificate> anchors) {
        Path temp = null;
        try {
            temp = Files.createTempFile("sunbid-pdf-check-", ".pdf");
            Files.write(temp, pdf);
            return PdfSignatureVerifier.verify(temp, anchors, PdfSignatureVerifier.Limits.DEFAULT);
        } catch (PdfSignatureVerifier.UnreadablePdfException e) {
            throw ProblemException.rule("report-unreadable", "file", "evaluation.refused",
                    e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary copy of a PDF the blob store already holds
                }
            }
        }
    }
}
