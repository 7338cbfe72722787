package org.sunbid.signing.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "keygen", description = "Make a key pair and certificate in a PKCS#12 file (and its certificate as PEM beside it).")
final class KeygenCommand implements java.util.concurrent.Callable<Integer> {

    enum Alg { ec, rsa, sm2 }

    @ParentCommand
    Bidtool tool;

    @Option(names = "--alg", required = true, description = "ec (P-256), rsa (2048) or sm2")
    Alg alg;

    @Option(names = "--subject", required = true, description = "distinguished name, e.g. \"CN=Bidder,O=Company\"")
    String subject;

    @Option(names = "--ca", description = "issue the certificate with this CA's PKCS#12 (same password); default self-signed")
    Path ca;

    @Option(names = "--out", required = true, description = "the PKCS#12 file to write")
    Path out;

    @Option(names = "--password-file", description = "file holding the password (else env BIDTOOL_PASSWORD)")
    Path passwordFile;

    @Option(names = "--days", defaultValue = "825", description = "certificate validity in days (default 825)")
    int days;

    @Override
    public Integer call() throws IOException {
        char[] password = tool.password(passwordFile);
        KeyAlgorithm algorithm = switch (alg) {
            case ec -> KeyAlgorithm.EC_P256;
            case rsa -> KeyAlgorithm.RSA;
            case sm2 -> KeyAlgorithm.SM2;
        };
        try {
            new javax.security.auth.x500.X500Principal(subject);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--subject is not a distinguished name: " + subject);
        }
        if (days < 1 || days > 36500) {
            throw new CliFailure(2, "--days must be 1..36500");
        }
        SigningKey key;
        if (ca != null) {
            SigningKey issuer = Pkcs12.read(ca, password);
            if (issuer.certificate().getBasicConstraints() < 0) {
                throw new CliFailure("--ca " + ca + " is not a CA certificate");
            }
            key = CertificateIssuer.issue(issuer, subject, algorithm, CertificateIssuer.Profile.MEMBER, Duration.ofDays(days));
        } else {
            key = CertificateIssuer.selfSigned(subject, algorithm, Duration.ofDays(days));
        }
        Pkcs12.write(out, key, "key", password);
        Path pem = pemBeside(out);
        Files2.writeAtomically(pem, o -> o.write(Certificates.toPem(key.certificate()).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        tool.spec.commandLine().getOut().println("wrote " + out + " and " + pem + " (" + algorithm + ", "
                + key.certificate().getSubjectX500Principal().getName() + ", SHA-256 fingerprint "
                + Certificates.fingerprint(key.certificate()) + ")");
        return 0;
    }

    static Path pemBeside(Path p12) {
        String name = p12.getFileName().toString();
        String base = name.endsWith(".p12") ? name.substring(0, name.length() - 4) : name;
        return p12.resolveSibling(base + ".pem");
    }
}
