package org.sunbid.signing.pdf;

/** Obtains an RFC 3161 time-stamp token (DER-encoded ContentInfo) over a SHA-256 digest. */
@FunctionalInterface
public interface TimestampSource {

    byte[] timestamp(byte[] sha256Digest) throws java.io.IOException;
}
