package org.sunbid.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.support.OpenSsl;
import org.sunbid.signing.support.Pem;
import org.sunbid.signing.threshold.SessionRelease;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * {@code bidtool release}: a custodian seals its share to the opening session's key itself, after checking the
 * platform's binding of that key to the lot; a forged or foreign session key is refused before anything is sealed.
 */
class ReleaseCommandTests {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    Path dir;

    DemoCa platform;
    SigningKey session;
    SigningKey custodian;
    UUID lot = UUID.randomUUID();
    UUID keyId = UUID.randomUUID();
    Share share;

    @BeforeEach
    void opening() throws Exception {
        platform = DemoCa.loadOrCreatePlatform(dir.resolve("ca"), PASSWORD);
        Files.writeString(dir.resolve("root.pem"), Certificates.toPem(platform.root().certificate()));
        Files.writeString(dir.resolve("pw"), new String(PASSWORD) + "\n");
        session = CertificateIssuer.selfSigned("CN=Opening session key,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(7));
        custodian = CertificateIssuer.selfSigned("CN=Custodian One,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(365));
        Pkcs12.write(dir.resolve("custodian.p12"), custodian, "custodian", PASSWORD);
        share = ThresholdKeys.split(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, 2, 3).get(1);
        Files.writeString(dir.resolve("share.json"), share.toJson() + "\n");
    }

    /** The session key as the platform answers GET …/session-key, bound by {@code signer} to {@code boundLot}. */
    private void publish(SigningKey signer, UUID boundLot, SigningKey bound, SigningKey published) throws Exception {
        SessionRelease.Binding binding = SessionRelease.Binding.of(boundLot, keyId, bound.certificate(), Instant.now());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("lotId", boundLot.toString());
        answer.put("keyId", keyId.toString());
        answer.put("certificate", Certificates.toPem(published.certificate()));
        answer.put("binding", binding.toJson());
        answer.put("bindingSignature", Base64.getEncoder().encodeToString(binding.sign(signer)));
        Files.writeString(dir.resolve("session-key.json"), Json.write(answer));
    }

    private BidtoolTests.Run release() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Bidtool.commandLine(new Bidtool(Map.of()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("release", "--share", p("share.json"), "--session", p("session-key.json"), "--root",
                p("root.pem"), "--lot", lot.toString(), "--p12", p("custodian.p12"), "--password-file", p("pw"),
                "--out", p("release.json"));
        return new BidtoolTests.Run(exit, out.toString(), err.toString());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void sealsTheShareToTheBoundSessionKeyAndSignsTheSealedBytes() throws Exception {
        publish(platform.documentSigner(), lot, session, session);
        release().ok();

        Map<String, Object> release = Json.readObject(Files.readString(dir.resolve("release.json")));
        assertThat(release).containsOnlyKeys("keyId", "index", "sealedShare", "signature");
        assertThat(release.get("keyId")).isEqualTo(keyId.toString());
        assertThat(release.get("index")).isEqualTo((long) share.index());
        String text = Files.readString(dir.resolve("release.json"));
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(share.value()));

        byte[] envelope = Base64.getDecoder().decode((String) release.get("sealedShare"));
        byte[] signature = Base64.getDecoder().decode((String) release.get("signature"));
        assertThat(ThresholdKeys.open(envelope, session).toJson()).isEqualTo(share.toJson());
        assertThat(CmsVerifier.verify(signature, envelope, VerifyOptions.expecting(custodian.certificate())))
                .isInstanceOf(SignatureCheck.Valid.class);

        // independently: openssl opens the envelope with the session key and checks the custodian's signature
        Files.write(dir.resolve("release.sealed"), envelope);
        Files.write(dir.resolve("release.p7s"), signature);
        Pem.write(dir, "session", session);
        Pem.write(dir, "custodian", custodian);
        OpenSsl.run(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "release.sealed", "-recip", "session.pem",
                "-inkey", "session.key", "-out", "opened.json").ok();
        assertThat(Files.readString(dir.resolve("opened.json"), StandardCharsets.UTF_8)).isEqualTo(share.toJson());
        OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "release.p7s", "-content", "release.sealed",
                "-CAfile", "custodian.pem", "-purpose", "any", "-out", "/dev/null").ok();
    }

    @Test
    void refusesASessionKeyNotSignedByThePlatformAndSealsNothing() throws Exception {
        SigningKey forger = CertificateIssuer.selfSigned("CN=Sunbid Platform Document Signer,O=Sunbid,C=CN",
                Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(30));
        publish(forger, lot, session, session);
        release().failsWithOneLine("session key refused");
        assertThat(dir.resolve("release.json")).doesNotExist();

        // another CA's document signer
        DemoCa other = DemoCa.loadOrCreate(dir.resolve("other"), PASSWORD);
        publish(other.documentSigner(), lot, session, session);
        release().failsWithOneLine("not signed by the platform");

        // the platform's own time-stamping authority chains to the root but is not its document signer
        publish(platform.timeStampingAuthority(), lot, session, session);
        release().failsWithOneLine("not the platform's document signer");
        assertThat(dir.resolve("release.json")).doesNotExist();
    }

    @Test
    void refusesABindingForAnotherLotOrAnotherCertificate() throws Exception {
        publish(platform.documentSigner(), UUID.randomUUID(), session, session);
        release().failsWithOneLine("bound to lot");

        SigningKey insiders = CertificateIssuer.selfSigned("CN=Opening session key,O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                Duration.ofDays(7));
        publish(platform.documentSigner(), lot, session, insiders);
        release().failsWithOneLine("not the one the platform bound");
        assertThat(dir.resolve("release.json")).doesNotExist();
    }
}
