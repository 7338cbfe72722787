package org.sunbid.opening.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.signing.keys.SigningKey;

/**
 * This node as the opening sees it: an id of its own, a heartbeat in {@code opening_node} so other nodes know it is
 * alive, and what it holds in memory only — the private keys of the session keys it made and the opening keys it
 * rebuilt. None of them is ever written anywhere: when the node dies they are gone, and the sessions it coordinated
 * get a new session key (custodians release again — the opening is delayed, never wrong).
 */
@Component
public class OpeningNode {

    private final UUID id = UUID.randomUUID();
    private final JdbcClient jdbc;
    private final Duration timeout;
    private final Map<UUID, SigningKey> sessionKeys = new ConcurrentHashMap<>();
    private final Map<UUID, SigningKey> openingKeys = new ConcurrentHashMap<>();

    OpeningNode(JdbcClient jdbc, @Value("${sunbid.opening.node-timeout:PT15S}") Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
    }

    public UUID id() {
        return id;
    }

    /**
     * Tells the other nodes this one is alive (and, the first time, that it started); forgets nodes silent for a day.
     * Every instant is the database's, so the nodes' own clocks never matter.
     */
    @Scheduled(initialDelay = 0, fixedDelayString = "${sunbid.opening.node-heartbeat:PT2S}")
    public void heartbeat() {
        jdbc.sql("""
                insert into opening_node (node_id, started_at, heartbeat_at) values (?, now(), now())
                on conflict (node_id) do update set heartbeat_at = now()""").param(id).update();
        jdbc.sql("delete from opening_node where heartbeat_at < now() - interval '1 day'").update();
    }

    /** Whether {@code node} beat its heart within the timeout (this node is alive by definition). */
    public boolean alive(UUID node) {
        if (id.equals(node)) {
            return true;
        }
        return jdbc.sql("""
                select count(*) from opening_node
                where node_id = ? and heartbeat_at > now() - cast(? as double precision) * interval '1 second'""")
                .params(node, timeout.toMillis() / 1000.0).query(Integer.class).single() > 0;
    }

    void holdSessionKey(UUID keyId, SigningKey key) {
        sessionKeys.put(keyId, key);
    }

    Optional<SigningKey> sessionKey(UUID keyId) {
        return Optional.ofNullable(sessionKeys.get(keyId));
    }

    void forgetSessionKey(UUID keyId) {
        sessionKeys.remove(keyId);
    }

    void holdOpeningKey(UUID lot, SigningKey key) {
        openingKeys.put(lot, key);
    }

    Optional<SigningKey> openingKey(UUID lot) {
        return Optional.ofNullable(openingKeys.get(lot));
    }

    void forgetOpeningKey(UUID lot) {
        openingKeys.remove(lot);
    }

    /** Forgets everything this node holds in memory, as a kill -9 would (tests of the coordinating node's death). */
    public void forgetAll() {
        sessionKeys.clear();
        openingKeys.clear();
    }
}
