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

    /** Verifies {@code opened} (the signed package) and writes its content to {@code content}. */
    public Verified verify(SealedBid bid, Path opened, Path content) {
        Signature signature = Signature.NOT_BY_REGISTERED_CERTIFICATE;
        List<X509Certificate> registered = certificates.stream()
                .flatMap(d -> d.certificatesOf(bid.bidder().value()).stream()).toList();
        for (X509Certificate candidate : registered) {
            try (InputStream in = Files.newInputStream(opened); OutputStream sink = Files.newOutputStream(content)) {
                SignatureCheck check = CmsVerifier.verify(in, null, sink, VerifyOptions.expecting(candidate));
                if (check instanceof SignatureCheck.Valid) {
                    signature = validAt(candidate, bid.receivedAt()) ? Signature.VALID
                            : Signature.CERTIFICATE_NOT_VALID_AT_RECEIPT;
                    break;
                }
                if (check instanceof SignatureCheck.Invalid invalid
                        && invalid.failure() == SignatureCheck.Failure.CERT_EXPIRED_AT_SIGNING) {
                    signature = Signature.CERTIFICATE_EXPIRED_AT_SIGNING;
                }
            } catch (IOException | RuntimeException e) {
                signature = Signature.MALFORMED;
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
