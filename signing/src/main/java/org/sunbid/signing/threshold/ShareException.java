package org.sunbid.signing.threshold;

/** Shares that cannot rebuild the secret; the reason names what is wrong and the message names the share. */
public final class ShareException extends RuntimeException {

    /** Why shares were refused. */
    public enum Reason {
        /** Not a share file (bad JSON, missing field, wrong sizes). */
        MALFORMED,
        /** The sealed share is not addressed to this custodian's key. */
        NOT_FOR_THIS_CUSTODIAN,
        /** A share belongs to another split than the others. */
        FROM_ANOTHER_SPLIT,
        /** A share's value does not match its commitment. */
        CORRUPTED,
        /** The same share index was given twice. */
        DUPLICATE_SHARE,
        /** Fewer shares than the threshold. */
        NOT_ENOUGH_SHARES,
        /** The rebuilt secret does not match the split's commitment. */
        REBUILT_SECRET_MISMATCH
    }

    private final Reason reason;

    public ShareException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
