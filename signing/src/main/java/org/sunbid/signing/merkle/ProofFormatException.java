package org.sunbid.signing.merkle;

/** A proof or tree head that cannot be parsed (bad JSON, missing field, wrong hash length); the message is the reason. */
public final class ProofFormatException extends RuntimeException {
    public ProofFormatException(String reason) {
        super(reason);
    }
}
