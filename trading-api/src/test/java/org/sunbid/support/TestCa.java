package org.sunbid.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;

/**
 * The CA test contexts trust for members' certificates ({@code sunbid.keys.trusted-cas}, set by
 * {@link TemporaryDataDirectory}): one per test JVM. Fixtures get their bidders' certificates from it, as a bidder would
 * from a real CA; a self-signed certificate is refused by the platform.
 */
public final class TestCa {

    private static final SigningKey ROOT = CertificateIssuer.selfSignedCa("CN=Sunbid Test CA,O=Sunbid Test,C=CN",
            Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(3650));
    private static Path pem;

    private TestCa() {
    }

    /** A fresh key and a member certificate for it, valid for {@code validity} from now. */
    public static SigningKey issue(String subject, Certificates.KeyAlgorithm algorithm, Duration validity) {
        return CertificateIssuer.issue(ROOT, subject, algorithm, CertificateIssuer.Profile.MEMBER, validity);
    }

    public static SigningKey issue(String subject) {
        return issue(subject, Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
    }

    /** A member certificate for a key made elsewhere. */
    public static X509Certificate certify(String subject, PublicKey key, Duration validity) {
        return CertificateIssuer.certify(ROOT, subject, key, CertificateIssuer.Profile.MEMBER, validity);
    }

    public static X509Certificate root() {
        return ROOT.certificate();
    }

    /** The CA's own key, for tests that build unusual certificates (expired, not yet valid) under it. */
    public static SigningKey key() {
        return ROOT;
    }

    /** The CA certificate as a PEM file, written once per JVM. */
    public static synchronized Path pemFile() {
        if (pem == null) {
            try {
                pem = Files.createTempFile("sunbid-test-ca-", ".pem");
                pem.toFile().deleteOnExit();
                Files.writeString(pem, Certificates.toPem(ROOT.certificate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pem;
    }
}
