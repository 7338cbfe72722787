package org.sunbid.signing.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.CertificateIssuer.Profile;

/**
 * A demonstration certification authority so the platform starts on a fresh machine with its own keys: a root CA,
 * the platform document signer, a time-stamping authority, a demo member and three demo custodians, each in a PKCS#12
 * file under one folder (plus {@code root-ca.pem} and {@code tsa.pem}). Files that exist are loaded, never replaced.
 */
public final class DemoCa {

    public static final String ROOT = "root-ca.p12";
    public static final String DOCUMENT_SIGNER = "document-signer.p12";
    public static final String TSA = "tsa.p12";
    public static final String MEMBER = "demo-member.p12";
    public static final String CUSTODIAN_PREFIX = "demo-custodian-";
    public static final int CUSTODIANS = 3;

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(825);

    private final Path folder;
    private final SigningKey root;
    private final SigningKey documentSigner;
    private final SigningKey tsa;

    private DemoCa(Path folder, SigningKey root, SigningKey documentSigner, SigningKey tsa) {
        this.folder = folder;
        this.root = root;
        this.documentSigner = documentSigner;
        this.tsa = tsa;
    }

    /**
     * Loads the demo CA from {@code folder}, creating whatever is missing, including the demo member and the demo
     * custodians' keys. Demo mode only: those keys sit on the platform's disk under the platform's passphrase.
     */
    public static DemoCa loadOrCreate(Path folder, char[] password) {
        DemoCa ca = load(folder, password, "CN=Sunbid Demo Root CA,O=Sunbid,C=CN");
        loadOr(folder.resolve(MEMBER), password, () -> CertificateIssuer.issue(ca.root,
                "CN=Demo Bidder Co Ltd,O=Demo Bidder Co Ltd,C=CN", KeyAlgorithm.EC_P256, Profile.MEMBER, LEAF_VALIDITY));
        for (int i = 1; i <= CUSTODIANS; i++) {
            int n = i;
            loadOr(folder.resolve(CUSTODIAN_PREFIX + i + ".p12"), password, () -> CertificateIssuer.issue(ca.root,
                    "CN=Demo Custodian " + n + ",O=Sunbid,C=CN", KeyAlgorithm.EC_P256, Profile.MEMBER, LEAF_VALIDITY));
        }
        return ca;
    }

    /**
     * Loads the platform's own service keys (root, document signer, time-stamping authority) from {@code folder},
     * creating whatever is missing, but never a member's or custodian's key: outside demo mode nobody's secret
     * belongs on the platform's disk.
     */
    public static DemoCa loadOrCreatePlatform(Path folder, char[] password) {
        return load(folder, password, "CN=Sunbid Platform Root CA,O=Sunbid,C=CN");
    }

    private static DemoCa load(Path folder, char[] password, String rootSubject) {
        SigningKey root = loadOr(folder.resolve(ROOT), password,
                () -> CertificateIssuer.selfSignedCa(rootSubject, KeyAlgorithm.EC_P256, CA_VALIDITY));
        SigningKey signer = loadOr(folder.resolve(DOCUMENT_SIGNER), password, () -> CertificateIssuer.issue(root,
                "CN=Sunbid Platform Document Signer,O=Sunbid,C=CN", KeyAlgorithm.EC_P256, Profile.DOCUMENT_SIGNER, LEAF_VALIDITY));
        SigningKey tsa = loadOr(folder.resolve(TSA), password, () -> CertificateIssuer.issue(root,
                "CN=Sunbid Time Stamping Authority,O=Sunbid,C=CN", KeyAlgorithm.EC_P256, Profile.TIME_STAMPING, LEAF_VALIDITY));
        writePem(folder.resolve("root-ca.pem"), Certificates.toPem(root.certificate()));
        writePem(folder.resolve("tsa.pem"), Certificates.toPem(tsa.certificate()));
        return new DemoCa(folder, root, signer, tsa);
    }

    private static SigningKey loadOr(Path file, char[] password, java.util.function.Supplier<SigningKey> create) {
        if (Files.exists(file)) {
            return Pkcs12.read(file, password);
        }
        SigningKey key = create.get();
        Pkcs12.write(file, key, "key", password);
        return key;
    }

    private static void writePem(Path file, String pem) {
        try {
            if (Files.exists(file) && Files.readString(file).equals(pem)) {
                return;
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".pem-", ".tmp");
            Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeyFileException(KeyFileException.Reason.UNWRITABLE, "cannot write " + file + ": " + e.getMessage());
        }
    }

    public Path folder() {
        return folder;
    }

    public SigningKey root() {
        return root;
    }

    public SigningKey documentSigner() {
        return documentSigner;
    }

    public SigningKey timeStampingAuthority() {
        return tsa;
    }

    /** A demo custodian key, 1-based. */
    public SigningKey custodian(int number, char[] password) {
        return Pkcs12.read(folder.resolve(CUSTODIAN_PREFIX + number + ".p12"), password);
    }

    /** Issues a fresh member (or custodian) key of {@code algorithm} under the demo root. */
    public SigningKey issueMember(String subject, KeyAlgorithm algorithm) {
        return CertificateIssuer.issue(root, subject, algorithm, Profile.MEMBER, LEAF_VALIDITY);
    }
}
