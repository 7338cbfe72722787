package org.sunbid.signing.seal;

import java.security.cert.X509Certificate;

/** The outcome of opening a sealed file: opened (the output is complete and authentic as far as the cipher can tell) or a named failure. */
public sealed interface OpenResult {

    /** Why a sealed file could not be opened; in every case no output file was left behind. */
    enum Failure {
        /** The key's certificate is not among the file's recipients. */
        NOT_A_RECIPIENT,
        /** The content key could not be unwrapped with this private key. */
        WRONG_KEY,
        /** The ciphertext or tag was altered (GCM tag mismatch, CBC padding error). */
        TAMPERED,
        /** A content or key encryption algorithm Sunbid does not accept. */
        UNSUPPORTED_ALGORITHM,
        /** Not a CMS EnvelopedData / AuthEnvelopedData, or truncated. */
        MALFORMED,
        /** The output could not be written. */
        IO_ERROR
    }

    record Opened(long bytes, ContentCipher cipher, X509Certificate recipient) implements OpenResult {
    }

    record Failed(Failure failure, String detail) implements OpenResult {
    }

    default boolean isOpened() {
        return this instanceof Opened;
    }
}
