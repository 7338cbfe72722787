package org.sunbid.signing.gm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.CryptoProfile;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.ChallengeSignatures;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.seal.Sm2Cipher;
import org.sunbid.signing.support.Fixtures;
import org.sunbid.signing.support.OpenSsl;
import org.sunbid.signing.support.Pem;

class GmProfileTests {

    @TempDir
    Path dir;

    private final CryptoProfile gm = CryptoProfile.GM;
    private final SigningKey bidder = Fixtures.demoCa().issueMember("CN=GM Bidder,O=Test", gm.keyAlgorithm());
    private final SigningKey opening = Fixtures.demoCa().issueMember("CN=GM Opening Key", gm.keyAlgorithm());

    @Test
    void signsWithSm2AndSealsWithSm4ToSm2RecipientsChosenByTheProfile() throws Exception {
        Path tender = Files.writeString(dir.resolve("tender.txt"), "国密投标文件".repeat(5000));
        new CmsSigner(bidder, gm.signatureScheme(), Clock.systemUTC()).sign(tender, dir.resolve("tender.p7s"), false);
        Sealer.seal(dir.resolve("tender.p7s"), dir.resolve("tender.sealed"), List.of(opening.certificate(), bidder.certificate()),
                gm.contentCipher());

        OpenResult opened = Opener.open(dir.resolve("tender.sealed"), opening, dir.resolve("opened.p7s"));
        assertThat(opened).isInstanceOfSatisfying(OpenResult.Opened.class, o -> assertThat(o.cipher()).isEqualTo(gm.contentCipher()));
        SignatureCheck check = CmsVerifier.verify(dir.resolve("opened.p7s"), null,
                VerifyOptions.trusting(List.of(Fixtures.demoCa().root().certificate())));
        assertThat(check).isInstanceOfSatisfying(SignatureCheck.Valid.class, v -> {
            assertThat(v.scheme()).isEqualTo(gm.signatureScheme());
            assertThat(v.signer()).isEqualTo(bidder.certificate());
        });
    }

    @Test
    void opensslOpensOurEnvelopesToSm2RecipientsWithEveryContentCipher() throws Exception {
        Pem.write(dir, "sm2", opening);
        Path content = Files.writeString(dir.resolve("bid.txt"), "国密 sealed bid");
        for (org.sunbid.signing.seal.ContentCipher cipher : org.sunbid.signing.seal.ContentCipher.values()) {
            Sealer.seal(content, dir.resolve("bid.sealed"), List.of(opening.certificate()), cipher);
            OpenSsl.run(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "bid.sealed", "-recip", "sm2.pem", "-inkey",
                    "sm2.key", "-out", "bid.out").ok();
            assertThat(Files.readString(dir.resolve("bid.out"))).as(cipher.name()).isEqualTo("国密 sealed bid");
        }
    }

    @Test
    void sm3DigestsMatchOpenssl() throws Exception {
        Path file = Files.writeString(dir.resolve("d.txt"), "abc");
        String ours = HexFormat.of().formatHex(gm.digest().digest(file));
        assertThat(OpenSsl.run(dir, "dgst", "-sm3", "d.txt").ok().output()).contains(ours);
        // GB/T 32905 test vector for "abc".
        assertThat(ours).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void wrapsKeysAsDerSm2CipherThatOpensslDecryptsAndReadsOpensslsInReturn() throws Exception {
        Pem.write(dir, "sm2", opening);
        byte[] secret = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        Files.write(dir.resolve("wrapped.der"), Sm2Cipher.encrypt(opening.certificate().getPublicKey(), secret));
        OpenSsl.run(dir, "pkeyutl", "-decrypt", "-inkey", "sm2.key", "-in", "wrapped.der", "-out", "plain.bin").ok();
        assertThat(Files.readAllBytes(dir.resolve("plain.bin"))).isEqualTo(secret);

        Files.write(dir.resolve("secret.bin"), secret);
        OpenSsl.run(dir, "x509", "-in", "sm2.pem", "-pubkey", "-noout", "-out", "sm2pub.pem").ok();
        OpenSsl.run(dir, "pkeyutl", "-encrypt", "-pubin", "-inkey", "sm2pub.pem", "-in", "secret.bin", "-out", "theirs.der").ok();
        assertThat(Sm2Cipher.decrypt(opening.privateKey(), Files.readAllBytes(dir.resolve("theirs.der")))).isEqualTo(secret);
    }

    @Test
    void plainSm2SignaturesWithTheDefaultUserIdInteroperateWithOpensslBothWays() throws Exception {
        Pem.write(dir, "sm2", bidder);
        byte[] challenge = "login-nonce-42".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("nonce.bin"), challenge);
        OpenSsl.run(dir, "x509", "-in", "sm2.pem", "-pubkey", "-noout", "-out", "pub.pem").ok();

        // openssl signs, we verify.
        OpenSsl.run(dir, "dgst", "-sm3", "-sign", "sm2.key", "-sigopt", "distid:1234567812345678", "-out", "theirs.sig",
                "nonce.bin").ok();
        assertThat(ChallengeSignatures.verify(bidder.certificate(), challenge, Files.readAllBytes(dir.resolve("theirs.sig")),
                ChallengeSignatures.Format.RAW)).isTrue();

        // we sign, openssl verifies.
        Signature s = Signature.getInstance("SM3withSM2", Certificates.provider());
        s.initSign(bidder.privateKey());
        s.update(challenge);
        Files.write(dir.resolve("ours.sig"), s.sign());
        assertThat(OpenSsl.run(dir, "dgst", "-sm3", "-verify", "pub.pem", "-sigopt", "distid:1234567812345678", "-signature",
                "ours.sig", "nonce.bin").ok().output()).contains("Verified OK");
    }
}
