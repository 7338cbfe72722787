package org.sunbid.bid.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;

/** What a bidder signs (the submission manifest, a withdrawal) checked against its registered certificates. */
@Component
public class BidderSignatures {

    private final List<CertificateDirectory> certificates;

    BidderSignatures(List<CertificateDirectory> certificates) {
        this.certificates = certificates;
    }

    public List<X509Certificate> registered(UUID member) {
        if (member == null) {
            return List.of();
        }
        return certificates.stream().flatMap(d -> d.certificatesOf(MemberId.of(member)).stream()).toList();
    }

    /** The content of an encapsulated CMS signature by one of the member's certificates, if it is one. */
    public Optional<byte[]> signedContent(UUID member, byte[] signed) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (X509Certificate candidate : registered(member)) {
            content.reset();
            SignatureCheck check = CmsVerifier.verify(new ByteArrayInputStream(signed), null, content,
                    VerifyOptions.expecting(candidate));
            if (check instanceof SignatureCheck.Valid) {
                return Optional.of(content.toByteArray());
            }
        }
        return Optional.empty();
    }

    /** The member's certificate that made the detached {@code signature} over {@code content}, if one did. */
    public Optional<X509Certificate> verifiedBy(UUID member, byte[] signature, byte[] content) {
        for (X509Certificate candidate : registered(member)) {
            if (CmsVerifier.verify(signature, content, VerifyOptions.expecting(candidate)) instanceof SignatureCheck.Valid) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Base64 (MIME) of at most {@code max} bytes, or a 400 naming {@code field}. */
    public static byte[] base64(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max * 4 / 3 + 8) {
            throw ProblemException.invalid(field, "bid.base64", max);
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "bid.base64", max);
        }
    }
}
