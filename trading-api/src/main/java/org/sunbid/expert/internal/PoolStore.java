package org.sunbid.expert.internal;

import static org.sunbid.expert.internal.LibraryStore.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.platform.id.LotId;

/**
 * Frozen pools, one per lot. The last few snapshots read are kept in memory by SHA-256 (they are immutable and the
 * row names its digest), so a draw after the freeze does not parse the pool file again.
 */
@Repository
public class PoolStore {

    private static final int CACHED = 3;

    private final JdbcClient jdbc;
    private final LibraryStore library;
    private final Map<String, PoolSnapshot> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PoolSnapshot> eldest) {
            return size() > CACHED;
        }
    };

    PoolStore(JdbcClient jdbc, LibraryStore library) {
        this.jdbc = jdbc;
        this.library = library;
    }

    /** Freezes (or freezes again, for a moved deadline) the lot's pool: the library as at {@code asOf}. */
    public PoolSnapshot freeze(LotId lot, Instant asOf, Collection<String> prefixes, Instant now) {
        PoolSnapshot snapshot = PoolSnapshot.of(asOf, library.poolAt(asOf, prefixes));
        jdbc.sql("""
                insert into expert_pool (lot_id, as_of, sha256, size, content, facts, frozen_at) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (lot_id) do update set as_of = excluded.as_of, sha256 = excluded.sha256, size = excluded.size,
                    content = excluded.content, facts = excluded.facts, frozen_at = excluded.frozen_at""")
                .params(lot.value(), ts(asOf), snapshot.pool().sha256(), snapshot.size(), snapshot.pool().bytes(),
                        snapshot.facts(), ts(now))
                .update();
        remember(snapshot);
        return snapshot;
    }

    /** The lot's pool if it was frozen as at {@code asOf}. */
    public Optional<PoolSnapshot> find(LotId lot, Instant asOf) {
        Optional<String> sha256 = jdbc.sql("select sha256 from expert_pool where lot_id = ? and as_of = ?")
                .params(lot.value(), ts(asOf)).query(String.class).optional();
        if (sha256.isEmpty()) {
            return Optional.empty();
        }
        synchronized (cache) {
            PoolSnapshot cached = cache.get(sha256.get());
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        PoolSnapshot read = jdbc.sql("select content, facts from expert_pool where lot_id = ?").param(lot.value())
                .query((rs, n) -> PoolSnapshot.read(rs.getBytes("content"), rs.getBytes("facts"))).single();
        remember(read);
        return Optional.of(read);
    }

    /** The published pool file of the lot (what {@code draw-verify --pool} reads). */
    public Optional<byte[]> file(LotId lot) {
        return jdbc.sql("select content from expert_pool where lot_id = ?").param(lot.value()).query(byte[].class)
                .optional();
    }

    /** Drops the snapshots held in memory (the next draw reads its pool from the database, as after a restart). */
    public void forgetCached() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private void remember(PoolSnapshot snapshot) {
        synchronized (cache) {
            cache.put(snapshot.pool().sha256(), snapshot);
        }
    }
}
