package org.sunbid.deposit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.Store;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.pdf.PdfSignatureReport;
import org.sunbid.signing.pdf.PdfSignatureVerifier;

/**
 * An electronic guarantee as a PAdES-signed PDF (layout in docs/deposits.md): the issuer signs the whole file once;
 * the terms the platform checks are the embedded file {@value #TERMS_FILE} (the same {@code sunbid-guarantee/1} JSON a
 * CMS-signed guarantee carries), so what is shown on the pages and what is checked are both under the one signature.
 * Anything after the signature (an incremental update), a second signature, a broken signature or a missing
 * attachment is refused; the issuer's trust is decided by the caller against the trust list.
 */
public final class PdfGuarantee {

    /** The name of the embedded file holding the terms. */
    public static final String TERMS_FILE = "guarantee.json";
    private static final int MAX_TERMS = 64 * 1024;
    private static final PdfSignatureVerifier.Limits LIMITS = new PdfSignatureVerifier.Limits(2L * 1024 * 1024, 50,
            Duration.ofSeconds(20), 5);

    private PdfGuarantee() {
    }

    /** Whether {@code bytes} is a PDF (rather than a CMS-signed guarantee). */
    public static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                && bytes[4] == '-';
    }

    /** Verifies the PDF's one signature and reads the terms it covers; a refusal is a 4xx problem naming the rule. */
    public static SignedGuarantee read(byte[] pdf) {
        Path file = null;
        try {
            file = Files.createTempFile("guarantee-", ".pdf");
            Files.write(file, pdf);
            List<PdfSignatureReport> signatures;
            try {
                signatures = PdfSignatureVerifier.verify(file, List.of(), LIMITS).stream()
                        .filter(r -> !PdfSignatureVerifier.UNSIGNED.equals(r.field())).toList();
            } catch (PdfSignatureVerifier.UnreadablePdfException e) {
                throw notSigned();
            }
            if (signatures.isEmpty()) {
                throw notSigned();
            }
            PdfSignatureReport report = signatures.get(0);
            if (signatures.size() > 1 || !report.coversWholeDocument()) {
                throw altered(); // something was added after the issuer signed
            }
            if (!report.valid()) {
                throw report.problems().stream().anyMatch(p -> p.startsWith("signer certificate not valid at"))
                        ? ProblemException.rule("guarantee-issuer-expired", "issuer", "deposit.guarantee.issuer-expired")
                        : altered();
            }
            try (PDDocument document = Loader.loadPDF(pdf)) {
                X509Certificate signer = signer(document.getLastSignatureDictionary());
                Instant at = report.timestampTime() != null ? report.timestampTime()
                        : report.claimedTime() != null ? report.claimedTime() : Instant.now();
                return new SignedGuarantee(signer, at, terms(document), sha256(pdf)); // the whole file is signed
            }
        } catch (IOException e) {
            throw notSigned();
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static X509Certificate signer(PDSignature signature) {
        try {
            // /Contents is zero-padded after the DER; read the one structure it holds
            ContentInfo info0 = ContentInfo.getInstance(new ASN1InputStream(signature.getContents()).readObject());
            CMSSignedData cms = new CMSSignedData(info0);
            SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = cms.getCertificates();
            Collection<X509CertificateHolder> matches = certificates.getMatches(info.getSID());
            X509CertificateHolder holder = matches.iterator().next();
            return new JcaX509CertificateConverter().setProvider(Certificates.provider()).getCertificate(holder);
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            throw notSigned(); // the verifier read it; only a race with a changed file could get here
        }
    }

    /** The embedded terms file, read up to {@link #MAX_TERMS} bytes (a compressed bomb stops there). */
    private static byte[] terms(PDDocument document) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
        Map<String, PDComplexFileSpecification> files = tree == null ? null : tree.getNames();
        if (files == null && tree != null && tree.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : tree.getKids()) {
                if (kid.getNames() != null && kid.getNames().containsKey(TERMS_FILE)) {
                    files = kid.getNames();
                }
            }
        }
        PDComplexFileSpecification spec = files == null ? null : files.get(TERMS_FILE);
        PDEmbeddedFile embedded = spec == null ? null
                : spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
        if (embedded == null) {
            throw ProblemException.invalid("document", "deposit.guarantee.pdf-terms", TERMS_FILE);
        }
        try (InputStream in = embedded.createInputStream()) {
            byte[] bytes = in.readNBytes(MAX_TERMS + 1);
            if (bytes.length > MAX_TERMS) {
                throw ProblemException.invalid("document", "deposit.guarantee.pdf-terms", TERMS_FILE);
            }
            return bytes;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException notSigned() {
        return ProblemException.invalid("document", "deposit.guarantee.not-signed");
    }

    private static ProblemException altered() {
        return ProblemException.rule("guarantee-altered", "document", "deposit.guarantee.altered");
    }
}
