package org.sunbid.signing.cms;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

/** The outcome of verifying a CMS signature: the signer and content digest, or a named failure. */
public sealed interface SignatureCheck {

    /** Why a signature is not accepted. */
    enum Failure {
        /** The signature value does not verify under the signer's key. */
        BAD_SIGNATURE,
        /** The content is not the content that was signed (message-digest mismatch). */
        CONTENT_MISMATCH,
        /** No certificate for the signer, another signer than expected, or no chain to a trust anchor. */
        UNKNOWN_OR_UNTRUSTED_SIGNER,
        /** The signer's certificate was not valid at the signing time. */
        CERT_EXPIRED_AT_SIGNING,
        /** A digest or signature algorithm Sunbid does not accept. */
        UNSUPPORTED_ALGORITHM,
        /** Not a parseable CMS SignedData (or detached content missing). */
        MALFORMED
    }

    /**
     * A signature that verifies. {@code trusted} is true when the signer chained to one of the caller's trust
     * anchors (or was the expected certificate); false when the caller gave none.
     */
    record Valid(X509Certificate signer, byte[] contentSha256, Instant signingTime, SignatureScheme scheme, boolean trusted)
            implements SignatureCheck {
        public Valid {
            contentSha256 = contentSha256.clone();
        }

        @Override
        public byte[] contentSha256() {
            return contentSha256.clone();
        }

        public String contentSha256Hex() {
            return HexFormat.of().formatHex(contentSha256);
        }
    }

    record Invalid(Failure failure, String detail) implements SignatureCheck {
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
