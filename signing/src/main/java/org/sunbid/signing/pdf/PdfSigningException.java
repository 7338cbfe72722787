package org.sunbid.signing.pdf;

/** A PDF could not be signed (unreadable, encrypted, key unusable, timestamp unavailable); the message says why. */
public class PdfSigningException extends RuntimeException {

    public PdfSigningException(String message, Throwable cause) {
        super(message, cause);
    }

    public PdfSigningException(String message) {
        super(message);
    }
}
