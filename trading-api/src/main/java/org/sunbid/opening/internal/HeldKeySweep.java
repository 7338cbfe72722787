package org.sunbid.opening.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sunbid.opening.DecryptLot;
import org.sunbid.platform.BackgroundWorker;
import org.sunbid.platform.id.LotId;

/**
 * The node holding a lot's session key does not wait for the scheduler to hand it the lot. The clustered
 * {@code decrypt-bids} job starts a decryption on whichever node the scheduler picks; a node that does not hold the key
 * hands the lot on, and the scheduler may keep handing it to that same node while the holder lives (a restarted holder
 * was seen to lose every one of 541 firings in a two-node trial). So every node sweeps, on a thread of its own and every
 * {@code sunbid.opening.held-key-sweep}, the lots decrypting whose current session key it made, and decrypts them
 * ({@link DecryptLot#runHeld}). A lot a firing is already decrypting is skipped, never waited for.
 */
@Component
class HeldKeySweep extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(HeldKeySweep.class);

    private final OpeningSessions sessions;
    private final OpeningNode node;
    private final DecryptLot decryptLot;
    private final Duration every;

    HeldKeySweep(OpeningSessions sessions, OpeningNode node, DecryptLot decryptLot,
            @Value("${sunbid.opening.held-key-sweep:PT3S}") Duration every) {
        super("opening-held-key-sweep", every);
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("sunbid.opening.held-key-sweep must be positive");
        }
        this.sessions = sessions;
        this.node = node;
        this.decryptLot = decryptLot;
        this.every = every;
    }

    @Override
    protected Duration pass() {
        sweep();
        return every;
    }

    /** Decrypts each lot decrypting whose session key this node holds; returns how many it decrypted. */
    int sweep() {
        int decrypted = 0;
        for (LotId lot : sessions.decryptingWithKeyOf(node.id())) {
            DecryptLot.Outcome outcome = decryptLot.runHeld(lot);
            if (outcome != DecryptLot.Outcome.NOTHING_TO_DO) {
                log.info("Opening of lot {}: the node holding its session key took it up itself: {}", lot, outcome);
            }
            if (outcome == DecryptLot.Outcome.DECRYPTED) {
                decrypted++;
            }
        }
        return decrypted;
    }
}
