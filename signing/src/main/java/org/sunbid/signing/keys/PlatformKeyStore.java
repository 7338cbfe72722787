package org.sunbid.signing.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A PKCS#12 keystore holding one of the platform's own EC P-256 keys, created on first use. */
public final class PlatformKeyStore {

    private PlatformKeyStore() {
    }

    /** A private key with its certificate, as loaded from or written to the keystore. */
    public record KeyEntry(PrivateKey privateKey, X509Certificate certificate) {
        public KeyPair keyPair() {
            return new KeyPair(certificate.getPublicKey(), privateKey);
        }
    }

    /**
     * Loads the entry {@code alias} from {@code file}, or generates a fresh EC P-256 key with a self-signed
     * certificate for {@code subject}, stores it (written to a temporary file, then moved into place) and returns it.
     */
    public static KeyEntry loadOrCreate(Path file, char[] passphrase, String alias, String subject, Duration validity) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, passphrase);
                }
                if (store.isKeyEntry(alias)) {
                    return new KeyEntry((PrivateKey) store.getKey(alias, passphrase),
                            (X509Certificate) store.getCertificate(alias));
                }
            } else {
                store.load(null, passphrase);
            }
            KeyEntry entry = generate(subject, validity);
            store.setKeyEntry(alias, entry.privateKey(), passphrase, new Certificate[] { entry.certificate() });
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".keystore", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                store.store(out, passphrase);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return entry;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreAccessException("Cannot open or create keystore " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    static KeyEntry generate(String subject, Duration validity) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), name, pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new KeyEntry(pair.getPrivate(), certificate);
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot build certificate", e);
        }
    }

    /** The keystore could not be read or written (wrong passphrase, corrupt file, unwritable folder). */
    public static final class KeyStoreAccessException extends RuntimeException {
        KeyStoreAccessException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
