package org.sunbid.expert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.expert.SeatId;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** The link key is derived from the signing key: every node sharing the key store checks every node's links. */
class AnswerLinksTests {

    static byte[] signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPrivate().getEncoded();
    }

    static final AnswerLinks.Claim CLAIM = new AnswerLinks.Claim(AnswerLinks.Answer.DECLINE,
            new SeatId(new UUID(1, 2)), new MemberId(new UUID(3, 4)), Instant.parse("2026-12-03T08:30:00Z"));

    @Test
    void aLinkMadeOnOneNodeReadsOnAnotherWithTheSameKeyStoreAndOnNoOtherPlatform() throws Exception {
        byte[] key = signingKey();
        AnswerLinks node1 = new AnswerLinks(AnswerLinks.derivedKey(key), "https://sunbid.example.cn/");
        AnswerLinks node2 = new AnswerLinks(AnswerLinks.derivedKey(key.clone()), "https://sunbid.example.cn");
        AnswerLinks other = new AnswerLinks(AnswerLinks.derivedKey(signingKey()), "https://sunbid.example.cn");

        String token = node1.token(CLAIM);
        assertThat(token).hasSize(99).matches("[A-Za-z0-9_-]+");
        assertThat(node2.read(token)).isEqualTo(CLAIM);
        assertThat(node1.link(CLAIM.answer(), CLAIM.seat(), CLAIM.expert(), CLAIM.due()))
                .isEqualTo("https://sunbid.example.cn/expert/answer.html?t=" + token);
        assertThatThrownBy(() -> other.read(token)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo("answer-link-invalid"));
        // the label separates the link key from the signing key's other uses: it is not the key's hash itself
        assertThat(AnswerLinks.derivedKey(key).getEncoded())
                .isNotEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(key));
    }
}
