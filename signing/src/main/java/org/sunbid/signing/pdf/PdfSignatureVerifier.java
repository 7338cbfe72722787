package org.sunbid.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessable;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.internal.Chains;

/**
 * Checks every signature of a PDF — ours or a bidder's — and names each finding: the byte range covers the file but
 * the signature, the CMS verifies over it, the certificate was valid at signing and chains to a trust anchor, and the
 * signature timestamp verifies. Hostile files are bounded: size, page count and time are limited.
 */
public final class PdfSignatureVerifier {

    /** Bounds for untrusted input. */
    public record Limits(long maxBytes, int maxPages, Duration maxTime, int maxSignatures) {
        public static final Limits DEFAULT = new Limits(256L * 1024 * 1024, 10_000, Duration.ofSeconds(30), 50);
    }

    /** The PDF as a whole could not be checked; the message says why in one line. */
    public static final class UnreadablePdfException extends RuntimeException {
        public UnreadablePdfException(String message) {
            super(message);
        }
    }

    private PdfSignatureVerifier() {
    }

    /**
     * @param trustAnchors certificates to build chains to; empty means the chain is not checked (noted, not failed)
     */
    public static List<PdfSignatureReport> verify(Path pdf, Collection<X509Certificate> trustAnchors, Limits limits) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "pdf-verify", 8L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
        try {
            Future<List<PdfSignatureReport>> result = executor.submit(() -> verifyNow(pdf, trustAnchors, limits));
            return result.get(limits.maxTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UnreadablePdfException("verification took longer than " + limits.maxTime().toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnreadablePdfException u) {
                throw u;
            }
            throw new UnreadablePdfException("not a readable PDF: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadablePdfException("interrupted");
        } finally {
            executor.shutdownNow();
        }
    }

    private static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "nesting too deep";
        }
        if (t instanceof OutOfMemoryError) {
            return "too large to process";
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** The field name of the entry that reports active content of a PDF with no signature at all. */
    public static final String UNSIGNED = "(unsigned document)";

    private static List<PdfSignatureReport> verifyNow(Path pdf, Collection<X509Certificate> anchors, Limits limits)
            throws IOException {
        long size = Files.size(pdf);
        if (size == 0) {
            throw new UnreadablePdfException("empty file");
        }
        if (size > limits.maxBytes()) {
            throw new UnreadablePdfException("file larger than " + limits.maxBytes() + " bytes");
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            if (document.isEncrypted()) {
                throw new UnreadablePdfException("encrypted PDFs are not accepted");
            }
            if (document.getNumberOfPages() > limits.maxPages()) {
                throw new UnreadablePdfException("more than " + limits.maxPages() + " pages");
            }
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.size() > limits.maxSignatures()) {
                throw new UnreadablePdfException("more than " + limits.maxSignatures() + " signatures");
            }
            List<String> documentNotes = new ArrayList<>();
            var active = PdfInspection.activeContent(document);
            for (PdfInspection.ActiveContent kind : active) {
                documentNotes.add(kind == PdfInspection.ActiveContent.JAVASCRIPT ? "document contains JavaScript actions"
                        : "document contains " + kind.label());
            }
            List<PdfSignatureReport> reports = new ArrayList<>();
            var fields = document.getSignatureFields();
            for (PDSignature signature : signatures) {
                String name = fields.stream().filter(f -> f.getSignature() != null
                        && f.getSignature().getCOSObject() == signature.getCOSObject())
                        .map(f -> f.getPartialName()).findFirst().orElse("(unnamed)");
                reports.add(check(pdf, size, name, signature, anchors, documentNotes));
            }
            if (signatures.isEmpty() && !active.isEmpty()) {
                // nothing is signed, but what the file would do when opened must still be reported
                reports.add(new PdfSignatureReport(UNSIGNED, null, null, null, false, null,
                        List.of("unsigned document"), documentNotes));
            }
            return reports;
        }
    }

    private static PdfSignatureReport check(Path pdf, long size, String field, PDSignature signature,
            Collection<X509Certificate> anchors, List<String> documentNotes) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>(documentNotes);
        Instant claimed = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
        String subFilter = signature.getSubFilter();
        int[] range = signature.getByteRange();
        boolean whole = false;
        String signer = null;
        Instant stamped = null;
        byte[] contents;
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "r")) {
            if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] <= range[1]
                    || range[3] < 0 || (long) range[2] + range[3] > size) {
                problems.add("byte range is malformed: " + Arrays.toString(range));
                return new PdfSignatureReport(field, null, claimed, null, false, subFilter, problems, notes);
            }
            contents = contentsHole(file, range);
            if (contents == null) {
                problems.add("byte range does not skip exactly the signature contents: " + Arrays.toString(range));
                return new PdfSignatureReport(field, null, claimed, null, false, subFilter, problems, notes);
            }
            whole = (long) range[2] + range[3] == size;
            if (!whole) {
                notes.add("later incremental updates follow this signature");
            }
        } catch (IOException e) {
            problems.add("cannot read the file: " + e.getMessage());
            return new PdfSignatureReport(field, null, claimed, null, false, subFilter, problems, notes);
        }
        try {
            CMSSignedData cms = new CMSSignedData(new RangeContent(pdf, range), contents);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                problems.add("expected one signer, found " + signers.size());
                return new PdfSignatureReport(field, null, claimed, null, whole, subFilter, problems, notes);
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> store = cms.getCertificates();
            Collection<X509CertificateHolder> matches = store.getMatches(info.getSID());
            if (matches.isEmpty()) {
                problems.add("signer certificate not included");
                return new PdfSignatureReport(field, null, claimed, null, whole, subFilter, problems, notes);
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Certificates.provider());
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            signer = certificate.getSubjectX500Principal().getName();
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.provider())
                    .build(certificate))) {
                problems.add("signature does not verify");
            }
            AttributeTable signed = info.getSignedAttributes();
            if (PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName().equals(subFilter)
                    && (signed == null || signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null)) {
                problems.add("PAdES signature lacks the signing-certificate-v2 attribute");
            }
            stamped = timestamp(info, problems, notes);
            Instant at = stamped != null ? stamped : claimed != null ? claimed : Instant.now();
            try {
                certificate.checkValidity(Date.from(at));
            } catch (Exception e) {
                problems.add("signer certificate not valid at " + at + ": " + e.getClass().getSimpleName());
            }
            List<X509Certificate> all = new ArrayList<>();
            for (X509CertificateHolder holder : store.getMatches(null)) {
                all.add(converter.getCertificate(holder));
            }
            if (anchors.isEmpty()) {
                notes.add("certificate chain not checked (no trust anchors given)");
            } else if (!chains(certificate, all, anchors, at)) {
                problems.add("signer certificate does not chain to a trusted root");
            }
        } catch (Exception e) {
            problems.add("CMS signature is malformed: " + describe(e) + (e.getCause() != null ? " / " + describe(e.getCause()) : ""));
        }
        return new PdfSignatureReport(field, signer, claimed, stamped, whole, subFilter, problems, notes);
    }

    private static Instant timestamp(SignerInformation info, List<String> problems, List<String> notes) {
        AttributeTable unsigned = info.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            notes.add("no signature timestamp (PAdES B-B)");
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(
                    attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(token.getSID());
            if (tsa.isEmpty()) {
                problems.add("timestamp does not include the TSA certificate");
                return null;
            }
            X509CertificateHolder tsaCertificate = tsa.iterator().next();
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.provider())
                    .build(tsaCertificate));
            String oid = token.getTimeStampInfo().getMessageImprintAlgOID().getId();
            MessageDigest digest = MessageDigest.getInstance(oid, Certificates.provider());
            if (!MessageDigest.isEqual(digest.digest(info.getSignature()), token.getTimeStampInfo().getMessageImprintDigest())) {
                problems.add("timestamp is over other data than this signature");
                return null;
            }
            return token.getTimeStampInfo().getGenTime().toInstant();
        } catch (Exception e) {
            problems.add("timestamp does not verify: " + describe(e));
            return null;
        }
    }

    private static boolean chains(X509Certificate certificate, List<X509Certificate> intermediates,
            Collection<X509Certificate> anchors, Instant at) {
        return Chains.validate(certificate, intermediates, anchors, at).isEmpty();
    }

    /** Returns the decoded /Contents if the gap between the two ranges is exactly one hex string, else null. */
    private static byte[] contentsHole(RandomAccessFile file, int[] range) throws IOException {
        int length = range[2] - range[1];
        if (length < 2 || length > 4 * 1024 * 1024) {
            return null;
        }
        byte[] hole = new byte[length];
        file.seek(range[1]);
        file.readFully(hole);
        if (hole[0] != '<' || hole[length - 1] != '>') {
            return null;
        }
        String hex = new String(hole, 1, length - 2, java.nio.charset.StandardCharsets.US_ASCII);
        if (!hex.matches("[0-9A-Fa-f]*")) {
            return null;
        }
        byte[] bytes = java.util.HexFormat.of().parseHex(hex.length() % 2 == 0 ? hex : hex + "0");
        return withoutPadding(bytes);
    }

    /** /Contents is zero-padded after the DER structure; cut at the length its header declares. */
    static byte[] withoutPadding(byte[] der) {
        if (der.length < 2 || (der[1] & 0xff) == 0x80) {
            return der;
        }
        int first = der[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int n = first & 0x7f;
            if (n > 4 || der.length < 2 + n) {
                return der;
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (der[2 + i] & 0xff);
            }
            header = 2 + n;
        }
        long total = header + length;
        return total <= der.length ? Arrays.copyOf(der, (int) total) : der;
    }

    /** The signed bytes: both ranges of the file, streamed. */
    private static final class RangeContent implements CMSTypedData, CMSProcessable {
        private final Path pdf;
        private final int[] range;

        RangeContent(Path pdf, int[] range) {
            this.pdf = pdf;
            this.range = range.clone();
        }

        @Override
        public org.bouncycastle.asn1.ASN1ObjectIdentifier getContentType() {
            return PKCSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(pdf)) {
                copy(in, out, range[1]);
                in.skipNBytes((long) range[2] - range[1]);
                copy(in, out, range[3]);
            }
        }

        private static void copy(InputStream in, OutputStream out, long n) throws IOException {
            byte[] buffer = new byte[64 * 1024];
            long left = n;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("file shorter than its byte range");
                }
                out.write(buffer, 0, read);
                left -= read;
            }
        }

        @Override
        public Object getContent() {
            return pdf;
        }
    }
}
