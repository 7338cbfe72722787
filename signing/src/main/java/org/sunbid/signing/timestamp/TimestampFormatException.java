package org.sunbid.signing.timestamp;

/** Bytes that are not an RFC 3161 request; the message is the reason. */
public final class TimestampFormatException extends RuntimeException {
    public TimestampFormatException(String reason) {
        super(reason);
    }
}
