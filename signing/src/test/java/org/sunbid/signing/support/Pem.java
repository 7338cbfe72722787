package org.sunbid.signing.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;

/** Writes keys and certificates as PEM files for openssl. */
public final class Pem {

    private Pem() {
    }

    public static String privateKey(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Writes {@code name}.key and {@code name}.pem into {@code dir}. */
    public static void write(Path dir, String name, SigningKey key) throws IOException {
        Files.writeString(dir.resolve(name + ".key"), privateKey(key.privateKey()));
        Files.writeString(dir.resolve(name + ".pem"), Certificates.toPem(key.certificate()));
    }
}
