package org.sunbid.opening.internal;

import static org.sunbid.opening.internal.Rows.ts;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.bid.BidEvents;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.LotId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.threshold.SessionRelease;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ShareException;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * The sessions' ephemeral keys ({@code opening_session_key}) and the shares released to them, stored only sealed
 * ({@code sealed_share_release}) — sealed by the custodians themselves to the key's certificate, which the platform
 * binds to the lot and key id with its document signer. A session has one current key, made by the node that first needed it (its
 * coordinating node), whose private key never leaves that node's memory ({@link OpeningNode}). When that node is gone
 * the key is retired with its sealed shares and the next node makes a new one.
 */
@Repository
public class SessionKeys {

    /**
     * A session key as published: which node holds its private key, its certificate, and the platform's binding of
     * that certificate to the lot and key id (JSON, and the document signer's detached CMS signature over it) which
     * custodians' clients check before sealing a share to it.
     */
    public record SessionKey(UUID id, LotId lot, UUID node, X509Certificate certificate, String binding,
            byte[] bindingSignature) {
    }

    /** A sealed release opened on the key's node: the share, or why it is not the custodian's share of this lot. */
    public record Opened(int index, Share share, String refusal) {
    }

    private final JdbcClient jdbc;
    private final OpeningNode node;
    private final OpeningKeys keys;
    private final ApplicationEventPublisher events;
    private final PlatformTrust trust;

    SessionKeys(JdbcClient jdbc, OpeningNode node, OpeningKeys keys, ApplicationEventPublisher events, PlatformTrust trust) {
        this.jdbc = jdbc;
        this.node = node;
        this.keys = keys;
        this.events = events;
        this.trust = trust;
    }

    public Optional<SessionKey> current(LotId lot) {
        return jdbc.sql("""
                select key_id, node_id, certificate, binding, binding_signature from opening_session_key
                where lot_id = ? and retired_at is null""")
                .param(lot.value())
                .query((rs, n) -> new SessionKey(rs.getObject("key_id", UUID.class), lot, rs.getObject("node_id", UUID.class),
                        Certificates.parse(rs.getBytes("certificate")), rs.getString("binding"), rs.getBytes("binding_signature")))
                .optional();
    }

    /**
     * The key a release is sealed to: the current one while its node lives, else a new one made here. Call with the
     * session's row locked.
     */
    public SessionKey forRelease(LotId lot, Instant now) {
        return live(lot, now).orElseGet(() -> make(lot, now));
    }

    /**
     * The session's current key while its node lives and holds it; a key whose node is gone is retired here (with the
     * shares sealed to it) and none is returned. Call with the session's row locked.
     */
    public Optional<SessionKey> live(LotId lot, Instant now) {
        Optional<SessionKey> current = current(lot);
        if (current.isPresent() && !(current.get().binding() != null && node.alive(current.get().node())
                && (!current.get().node().equals(node.id()) || node.sessionKey(current.get().id()).isPresent()))) {
            retire(current.get(), now);
            return Optional.empty();
        }
        return current;
    }

    /** Whether this node holds the private key of the session's current key. */
    public boolean heldHere(SessionKey key) {
        return key.node().equals(node.id()) && node.sessionKey(key.id()).isPresent();
    }

    /** Whether the node holding the key is still alive. */
    public boolean holderAlive(SessionKey key) {
        return heldHere(key) || !key.node().equals(node.id()) && node.alive(key.node());
    }

    /** Retires the key and deletes the shares sealed to it: they can never be opened again. */
    public void retire(SessionKey key, Instant now) {
        jdbc.sql("delete from sealed_share_release where key_id = ?").param(key.id()).update();
        jdbc.sql("update opening_session_key set retired_at = ? where key_id = ? and retired_at is null")
                .params(ts(now), key.id()).update();
        node.forgetSessionKey(key.id());
    }

    private SessionKey make(LotId lot, Instant now) {
        SigningKey made = CertificateIssuer.selfSigned("CN=Opening session key " + lot.value() + ",O=Sunbid",
                keys.profile().keyAlgorithm(), Duration.ofDays(7));
        UUID id = UUID.randomUUID();
        SessionRelease.Binding binding = SessionRelease.Binding.of(lot.value(), id, made.certificate(), now);
        String bindingJson = binding.toJson();
        byte[] bindingSignature = binding.sign(trust.documentSigner());
        try {
            jdbc.sql("""
                    insert into opening_session_key (key_id, lot_id, node_id, certificate, created_at, binding, binding_signature)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, lot.value(), node.id(), made.certificate().getEncoded(), ts(now), bindingJson, bindingSignature)
                    .update();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        node.holdSessionKey(id, made);
        events.publishEvent(new BidEvents.OpeningSessionKeyMade(lot.value(), id, node.id(),
                Certificates.fingerprint(made.certificate()), now));
        return new SessionKey(id, lot, node.id(), made.certificate(), bindingJson, bindingSignature);
    }

    /** Deletes one sealed release (it did not open as the custodian's share): that custodian releases again. */
    public void discard(SessionKey key, int index) {
        jdbc.sql("delete from sealed_share_release where key_id = ? and idx = ?").params(key.id(), index).update();
    }

    /** The indexes of the shares sealed to the key. */
    public Set<Integer> released(SessionKey key) {
        return new TreeSet<>(jdbc.sql("select idx from sealed_share_release where key_id = ?").param(key.id())
                .query(Integer.class).list());
    }

    /**
     * The shares sealed to the key, opened with its private key (only on the node holding it), each checked against
     * the index it was released as and the lot's split: what does not hold is named, not used.
     */
    public List<Opened> open(SessionKey key) {
        SigningKey privateKey = node.sessionKey(key.id())
                .orElseThrow(() -> new IllegalStateException("session key " + key.id() + " is not held on this node"));
        UUID split = keys.key(key.lot()).orElseThrow().splitId();
        List<Opened> opened = new ArrayList<>();
        jdbc.sql("select idx, envelope from sealed_share_release where key_id = ? order by idx").param(key.id())
                .query((rs, n) -> Map.entry(rs.getInt("idx"), rs.getBytes("envelope"))).list()
                .forEach(row -> opened.add(opened(row.getKey(), row.getValue(), privateKey, split)));
        return opened;
    }

    private static Opened opened(int index, byte[] envelope, SigningKey privateKey, UUID split) {
        Share share;
        try {
            share = ThresholdKeys.open(envelope, privateKey);
        } catch (ShareException | IllegalArgumentException e) {
            return new Opened(index, null, "not a share sealed to this session key");
        }
        if (share.index() != index) {
            return new Opened(index, null, "share " + share.index() + " released as share " + index);
        }
        if (!share.splitId().equals(split)) {
            return new Opened(index, null, "a share of another lot's key");
        }
        if (!share.intact()) {
            return new Opened(index, null, "a corrupted share");
        }
        return new Opened(index, share, null);
    }

    /** The session is over: its key is retired and forgotten, its sealed shares deleted. */
    public void finished(LotId lot, Instant now) {
        current(lot).ifPresent(key -> retire(key, now));
        node.forgetOpeningKey(lot.value());
    }
}
