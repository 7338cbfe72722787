package org.sunbid.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A log entry whose identifying details were sealed until the opening of {@code lots}. Before the opening only the
 * commitment is known; afterwards {@code revealed} (canonical JSON of actor, clientIp, details, device, subject) and
 * {@code salt} (hex) are, and {@code matchesCommitment} says whether SHA-256(salt || revealed) equals the commitment in
 * the entry's Merkle leaf. Anyone can recompute it: {@code (xxd -r -p <<< salt; printf %s "$revealed") | sha256sum}.
 */
public record SealedDetails(long seq, List<UUID> lots, String commitment, String revealed, String salt,
        Instant revealedAt, boolean matchesCommitment) {
}
