package org.sunbid.opening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.stereotype.Component;
import org.sunbid.bid.SealedBids.SealedBid;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.opening.BidDecryption.BidForm;
import org.sunbid.opening.BidDecryption.Signature;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A decrypted bid's signed package: the inner signature against the bidder's registered certificates (valid at the
 * receipt's time), then the bid form inside it ({@code bid-form.json} in a ZIP, or the content itself as JSON).
 */
@Component
public class PackageVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_FORM = 64 * 1024;

    /** The signature's verdict and, when it is the bidder's, the bid form. */
    public record Verified(Signature signature, BidForm form) {
    }

    private final List<CertificateDirectory> certificates;

    PackageVerifier(List<CertificateDirectory> certificates) {
        this.certificates = certificates;
    }

    /** The content could not be written where the opening keeps it: the platform's failure, not the bidder's. */
    public static final class ContentNotWritten extends RuntimeException {
        ContentNotWritten(IOException cause) {
            super("cannot write the bid's content: " + cause.getMessage(), cause);
        }
    }

    /** Verifies {@code opened} (the signed package) and writes its content to {@code content}. */
    public Verified verify(SealedBid bid, Path opened, Path content) {
        try (InputStream in = Files.newInputStream(opened)) {
            return verify(bid, in, content);
        } catch (IOException | ContentNotWritten e) {
            return new Verified(Signature.MALFORMED, BidForm.NONE);
        }
    }

    /**
     * Verifies the signed package read once from {@code signedPackage} against each of the bidder's registered
     * certificates, writing its content to {@code content} as it goes; the first certificate the signature verifies
     * with decides. With no registered certificate nothing is read or written.
     *
     * @throws ContentNotWritten if the content file cannot be written (the package is not judged then)
     */
    public Verified verify(SealedBid bid, InputStream signedPackage, Path content) {
        List<X509Certificate> registered = certificates.stream()
                .flatMap(d -> d.certificatesOf(bid.bidder()).stream()).toList();
        if (registered.isEmpty()) {
            return new Verified(Signature.NOT_BY_REGISTERED_CERTIFICATE, BidForm.NONE);
        }
        List<SignatureCheck> checks;
        IOException[] writeFailure = { null };
        try (OutputStream file = Files.newOutputStream(content)) {
            OutputStream sink = new java.io.FilterOutputStream(file) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        writeFailure[0] = e;
                        throw e;
                    }
                }
            };
            checks = CmsVerifier.verifyEach(signedPackage, null, sink,
                    registered.stream().map(VerifyOptions::expecting).toList());
        } catch (IOException e) {
            throw new ContentNotWritten(e);
        }
        if (writeFailure[0] != null) {
            throw new ContentNotWritten(writeFailure[0]);
        }
        Signature signature = Signature.NOT_BY_REGISTERED_CERTIFICATE;
        for (int i = 0; i < registered.size(); i++) {
            SignatureCheck check = checks.get(i);
            if (check instanceof SignatureCheck.Valid) {
                signature = validAt(registered.get(i), bid.receivedAt()) ? Signature.VALID
                        : Signature.CERTIFICATE_NOT_VALID_AT_RECEIPT;
                break;
            }
            if (check instanceof SignatureCheck.Invalid invalid
                    && invalid.failure() == SignatureCheck.Failure.CERT_EXPIRED_AT_SIGNING) {
                signature = Signature.CERTIFICATE_EXPIRED_AT_SIGNING;
            }
        }
        return new Verified(signature, signature == Signature.VALID ? readForm(content) : BidForm.NONE);
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(Date.from(at));
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    static BidForm readForm(Path content) {
        String json = null;
        try (ZipFile zip = new ZipFile(content.toFile())) {
            ZipEntry entry = zip.getEntry("bid-form.json");
            if (entry != null) {
                try (InputStream in = zip.getInputStream(entry)) {
                    json = new String(in.readNBytes(MAX_FORM), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException notAZip) {
            json = null;
        }
        try {
            if (json == null) {
                try (InputStream in = Files.newInputStream(content)) {
                    json = new String(in.readNBytes(MAX_FORM), StandardCharsets.UTF_8);
                }
            }
            JsonNode form = JSON.readTree(json);
            JsonNode price = form.get("price");
            JsonNode duration = form.get("duration");
            return new BidForm(price == null || !price.isNumber() && !price.isTextual() ? null
                    : new BigDecimal(price.asText()).setScale(2, RoundingMode.HALF_UP),
                    duration == null ? null : duration.asText(), json);
        } catch (IOException | RuntimeException e) {
            return BidForm.NONE;
        }
    }
}
