package org.sunbid.signing.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.sunbid.signing.certs.Certificates;

/**
 * Reads and writes PKCS#12 files holding one private key and its chain. Reads through Bouncy Castle, which also
 * understands SM2 keys; writes atomically (temporary file, then move).
 */
public final class Pkcs12 {

    private static final int MAX_BYTES = 1024 * 1024;

    private Pkcs12() {
    }

    public static SigningKey read(Path file, char[] password) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new KeyFileException(KeyFileException.Reason.MALFORMED, file.getFileName() + " is too large for a key file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(KeyFileException.Reason.NOT_FOUND, "key file not found: " + file);
        } catch (IOException e) {
            throw new KeyFileException(KeyFileException.Reason.NOT_FOUND, "cannot read key file " + file + ": " + e.getMessage());
        }
        return read(bytes, password);
    }

    public static SigningKey read(byte[] pkcs12, char[] password) {
        if (pkcs12 == null || pkcs12.length == 0) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "key file is empty");
        }
        IterationGuard.check(pkcs12);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12", Certificates.provider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new ByteArrayInputStream(pkcs12)) {
            store.load(in, password);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase();
            if (m.contains("password") || m.contains("mac") || e.getCause() instanceof javax.crypto.BadPaddingException) {
                throw new KeyFileException(KeyFileException.Reason.WRONG_PASSWORD, "wrong password for key file (or the file is corrupt)");
            }
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "not a PKCS#12 key file");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "not a PKCS#12 key file");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    if (!(key instanceof PrivateKey privateKey)) {
                        continue;
                    }
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain == null || chain.length == 0) {
                        throw new KeyFileException(KeyFileException.Reason.MALFORMED, "key file has no certificate for its key");
                    }
                    List<X509Certificate> certs = new ArrayList<>();
                    for (Certificate c : chain) {
                        certs.add((X509Certificate) c);
                    }
                    return new SigningKey(privateKey, leafFirst(certs));
                }
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof KeyFileException k) {
                throw k;
            }
            throw new KeyFileException(KeyFileException.Reason.WRONG_PASSWORD, "cannot unlock the private key: wrong password?");
        }
        throw new KeyFileException(KeyFileException.Reason.NO_PRIVATE_KEY, "key file holds no private key");
    }

    /** Orders a chain end-entity first, each certificate followed by its issuer (key stores do not all keep the order). */
    static List<X509Certificate> leafFirst(List<X509Certificate> certs) {
        List<X509Certificate> rest = new ArrayList<>(certs);
        X509Certificate leaf = null;
        for (X509Certificate c : rest) {
            boolean issuesAnother = false;
            for (X509Certificate o : rest) {
                if (o != c && o.getIssuerX500Principal().equals(c.getSubjectX500Principal())
                        && !o.getSubjectX500Principal().equals(o.getIssuerX500Principal())) {
                    issuesAnother = true;
                }
            }
            if (!issuesAnother) {
                leaf = c;
                break;
            }
        }
        if (leaf == null) {
            return certs;
        }
        List<X509Certificate> ordered = new ArrayList<>();
        ordered.add(leaf);
        rest.remove(leaf);
        X509Certificate current = leaf;
        while (!rest.isEmpty()) {
            X509Certificate next = null;
            for (X509Certificate c : rest) {
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                ordered.addAll(rest);
                break;
            }
            ordered.add(next);
            rest.remove(next);
            current = next;
        }
        return ordered;
    }

    /** Encodes as PKCS#12 with the JDK's defaults (AES-256 + HMAC-SHA256 on Java 17), which OpenSSL 3 reads. */
    public static byte[] encode(SigningKey key, String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(alias, key.privateKey(), password, key.chain().toArray(new Certificate[0]));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot encode PKCS#12", e);
        }
    }

    /** Writes the key atomically; an existing file is replaced only once the new one is complete. */
    public static void write(Path file, SigningKey key, String alias, char[] password) {
        byte[] encoded = encode(key, alias, password);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".p12-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    out.write(encoded);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new KeyFileException(KeyFileException.Reason.UNWRITABLE, "cannot write key file " + file + ": " + e.getMessage());
        }
    }
}
