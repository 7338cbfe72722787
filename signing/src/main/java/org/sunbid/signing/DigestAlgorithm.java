package org.sunbid.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.sunbid.signing.internal.Sm3;

/**
 * Digest algorithms Sunbid uses; SHA-2 comes from the JDK (hardware-accelerated), SM3 from our own implementation
 * ({@link Sm3}, checked against Bouncy Castle's and the standard's vectors; see docs/benchmarks.md for its speed).
 */
public enum DigestAlgorithm {
    SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", 32),
    SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", 48),
    SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", 64),
    SM3("SM3", "1.2.156.10197.1.401", 32);

    private final String jcaName;
    private final String oid;
    private final int length;

    DigestAlgorithm(String jcaName, String oid, int length) {
        this.jcaName = jcaName;
        this.oid = oid;
        this.length = length;
    }

    public String jcaName() {
        return jcaName;
    }

    public String oid() {
        return oid;
    }

    public int length() {
        return length;
    }

    public MessageDigest newDigest() {
        try {
            return this == SM3 ? new Sm3() : MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DigestAlgorithm byOid(String oid) {
        for (DigestAlgorithm a : values()) {
            if (a.oid.equals(oid)) {
                return a;
            }
        }
        return null;
    }

    /** Streams {@code in} through this digest in 64 KiB reads. */
    public byte[] digest(InputStream in) throws IOException {
        MessageDigest d = newDigest();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            d.update(buffer, 0, n);
        }
        return d.digest();
    }

    public byte[] digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in);
        }
    }

    public byte[] digest(byte[] data) {
        return newDigest().digest(data);
    }

    /** Lower-case hex of this digest of {@code data}. */
    public String hex(byte[] data) {
        return java.util.HexFormat.of().formatHex(digest(data));
    }
}
