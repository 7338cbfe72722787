package org.sunbid.signing.timestamp;

/** The outcome of verifying a time-stamp token: valid with its contents, or invalid with a reason. */
public sealed interface TimestampCheck {

    /** Why a token is not accepted. */
    enum Failure {
        /** Not a parseable token or response. */
        MALFORMED,
        /** The response carries no token: the TSA refused the request. */
        REJECTED,
        /** The token's signature does not verify, or the signer certificate is not the one the token names. */
        BAD_SIGNATURE,
        /** The token is over another digest than the caller's. */
        IMPRINT_MISMATCH,
        /** The signer certificate lacks the critical timeStamping extended key usage. */
        NOT_A_TIME_STAMPING_CERTIFICATE,
        /** The signer certificate does not chain to a trusted anchor, or was not valid at the stamped time. */
        UNTRUSTED_AUTHORITY,
        /** An algorithm we do not accept. */
        UNSUPPORTED_ALGORITHM
    }

    record Valid(Timestamp timestamp) implements TimestampCheck {
    }

    record Invalid(Failure failure, String detail) implements TimestampCheck {
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
