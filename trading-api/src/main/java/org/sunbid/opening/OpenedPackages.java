package org.sunbid.opening;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.SealedBids;
import org.sunbid.opening.internal.BidDecryptions;
import org.sunbid.platform.id.LotId;

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

    private final BidDecryptions decryptions;
    private final SealedBids bids;

    OpenedPackages(BidDecryptions decryptions, SealedBids bids) {
        this.decryptions = decryptions;
        this.bids = bids;
    }

    /** Bids that were decrypted and verified; failed ones carry nothing to compare. */
    @Transactional(readOnly = true)
    public List<OpenedBid> of(LotId lot) {
        return decryptions.checkedInRecordOrder(lot).stream()
                .filter(d -> d.checks().map(c -> !(c.decryption() instanceof BidDecryption.Failed)).orElse(false))
                .flatMap(d -> bids.find(d.bid()).stream().map(b -> {
                    Path content = b.file().resolveSibling(b.id() + ".content");
                    SealedBids.Origin origin = bids.origin(b.id()).orElse(new SealedBids.Origin(null, null));
                    BidDecryption.BidForm form = d.checks().orElseThrow().form();
                    return new OpenedBid(b.id().value(), b.project().value(), b.bidder().value(), form.price(), form.json(),
                            Files.isRegularFile(content) ? Optional.of(content) : Optional.empty(), origin.clientIp(),
                            origin.deviceFingerprint());
                }))
                .toList();
    }
}
