package org.sunbid.expert.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.sunbid.expert.SeatId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;

/**
 * The signed links in an invitation mail: each names one answer (accept or decline), the seat, the expert and the end
 * of the answer window, and carries an HMAC-SHA256 of those fields under a platform secret key. The key is derived from
 * the platform's document-signing private key (kept in the key store under its passphrase): HMAC-SHA256 keyed with
 * SHA-256 of that key's PKCS#8 encoding, over the label {@value #KEY_LABEL}. So every node of a deployment sharing the
 * key store has the same link key without writing anything, and the key is as secret as the signing key. Nothing
 * about a link is stored: the database holds no token, so someone reading it, its backups or the logs cannot answer
 * for an expert; without the key nobody can make a link for another seat, expert, answer or window.
 * <p>
 * Token: base64url without padding of {@code version(1) ‖ answer(1) ‖ seat(16) ‖ expert(16) ‖ due(8, epoch seconds,
 * big-endian) ‖ HMAC-SHA256(key, the 42 bytes before it)(32)}: 74 bytes, 99 characters.
 */
@Component
public class AnswerLinks {

    static final String KEY_LABEL = "sunbid expert-answer-links v1";
    static final byte VERSION = 1;
    private static final int BODY = 1 + 1 + 16 + 16 + 8;
    private static final int MAC = 32;
    private static final String HMAC = "HmacSHA256";

    /** The answer a link asks for. */
    public enum Answer {
        ACCEPT, DECLINE
    }

    /** What a genuine link says. */
    public record Claim(Answer answer, SeatId seat, MemberId expert, Instant due) {
    }

    private final SecretKey key;
    private final String baseUrl;

    @Autowired
    AnswerLinks(PlatformTrust trust, @Value("${sunbid.public-base-url:http://localhost:8080}") String baseUrl) {
        this(derivedKey(trust.documentSigner().privateKey().getEncoded()), baseUrl);
    }

    AnswerLinks(SecretKey key, String baseUrl) {
        this.key = key;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The portal page a link opens: it shows the invitation and asks for a confirmation (the GET never answers). */
    public String link(Answer answer, SeatId seat, MemberId expert, Instant due) {
        return baseUrl + "/expert/answer.html?t=" + token(new Claim(answer, seat, expert, due));
    }

    public String token(Claim claim) {
        ByteBuffer body = ByteBuffer.allocate(BODY + MAC);
        body.put(VERSION).put((byte) claim.answer().ordinal());
        put(body, claim.seat().value());
        put(body, claim.expert().value());
        body.putLong(claim.due().getEpochSecond());
        body.put(mac(Arrays.copyOf(body.array(), BODY)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.array());
    }

    /**
     * The claim of a genuine token; a token that is not one of ours (malformed, altered in any bit, signed with
     * another key) is refused with 403 {@code answer-link-invalid}, never told apart further.
     */
    public Claim read(String token) {
        byte[] raw;
        try {
            raw = token == null ? new byte[0] : Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != BODY + MAC || raw[0] != VERSION || raw[1] < 0 || raw[1] >= Answer.values().length) {
            throw invalid();
        }
        byte[] body = Arrays.copyOf(raw, BODY);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOfRange(raw, BODY, BODY + MAC))) {
            throw invalid();
        }
        ByteBuffer in = ByteBuffer.wrap(body, 2, BODY - 2);
        SeatId seat = new SeatId(new UUID(in.getLong(), in.getLong()));
        MemberId expert = new MemberId(new UUID(in.getLong(), in.getLong()));
        return new Claim(Answer.values()[raw[1]], seat, expert, Instant.ofEpochSecond(in.getLong()));
    }

    static SecretKey derivedKey(byte[] signingKey) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(signingKey), HMAC));
            return new SecretKeySpec(mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8)), HMAC);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException invalid() {
        return new ProblemException(HttpStatus.FORBIDDEN, "answer-link-invalid", "token", "expert.link.invalid");
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
