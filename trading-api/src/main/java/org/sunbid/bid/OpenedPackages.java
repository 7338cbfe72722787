package org.sunbid.bid;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidStore;
import org.sunbid.platform.PlatformProperties;

/**
 * The bids of a lot as opened, for features that examine them after the opening (the collusion alerts): price, bid
 * form, the decrypted package on disk if kept, and the address and device fingerprint recorded at upload.
 */
@Service
public class OpenedPackages {

    /** One opened bid; {@code content} is the verified package (a ZIP with bid-form.json and documents/), if present. */
    public record OpenedBid(UUID bid, UUID project, UUID member, BigDecimal price, String bidForm, Optional<Path> content,
            String uploadIp, String deviceFingerprint) {
    }

    private final BidStore store;
    private final PlatformProperties properties;

    OpenedPackages(BidStore store, PlatformProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Bids that were decrypted and verified; failed ones carry nothing to compare. */
    @Transactional(readOnly = true)
    public List<OpenedBid> of(UUID lotId) {
        return store.openedBids(lotId).stream().filter(r -> r.decryption().startsWith("DECRYPTED")
                || r.decryption().equals("SELF_DECRYPTED")).map(r -> {
                    Path content = properties.dataDir().resolve(r.file()).resolveSibling(r.bid() + ".content");
                    return new OpenedBid(r.bid(), r.project(), r.member(), r.price(), r.bidForm(),
                            Files.isRegularFile(content) ? Optional.of(content) : Optional.empty(), r.clientIp(),
                            r.fingerprint());
                }).toList();
    }
}
