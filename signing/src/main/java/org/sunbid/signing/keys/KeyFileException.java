package org.sunbid.signing.keys;

/** A key file (PKCS#12) that cannot be used: the reason says which. */
public final class KeyFileException extends RuntimeException {

    /** Why a key file could not be used. */
    public enum Reason { NOT_FOUND, WRONG_PASSWORD, MALFORMED, NO_PRIVATE_KEY, UNWRITABLE }

    private final Reason reason;

    public KeyFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
