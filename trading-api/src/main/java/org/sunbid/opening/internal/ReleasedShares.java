package org.sunbid.opening.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.sunbid.signing.threshold.Share;

/**
 * Released key shares, held in this node's memory only and only until the lot is opened: a share never touches the
 * database, the disk or a log. After a restart custodians release again (their releases stay recorded).
 */
@Component
public class ReleasedShares {

    private final Map<UUID, Map<Integer, Share>> byLot = new ConcurrentHashMap<>();

    public int add(UUID lot, Share share) {
        Map<Integer, Share> shares = byLot.computeIfAbsent(lot, l -> new ConcurrentHashMap<>());
        shares.put(share.index(), share);
        return shares.size();
    }

    public Collection<Share> of(UUID lot) {
        return List.copyOf(byLot.getOrDefault(lot, Map.of()).values());
    }

    /** The indexes of the shares this node holds for the lot. */
    public java.util.Set<Integer> indexes(UUID lot) {
        return java.util.Set.copyOf(byLot.getOrDefault(lot, Map.of()).keySet());
    }

    public void forget(UUID lot) {
        byLot.remove(lot);
    }
}
