package org.sunbid.bid;

import org.sunbid.bid.internal.BidStore;

/**
 * What becomes of a bid at the opening, from what the platform found when it tried to open it. A failure in what the
 * bidder sealed (the opening key is not among its recipients or does not unwrap it, the ciphertext is altered or
 * malformed, the algorithm is not accepted, the inner signature is not by the bidder's registered certificate) revokes
 * the bid at once (撤销): the bidder chose how to seal, and a window to self-decrypt would let it decide after seeing
 * the competition. Only failures the platform caused (the key could not be rebuilt, its own disk) leave the bid
 * awaiting its bidder in the self-decryption window. A sealed file that no longer matches its receipt was changed on
 * the platform's side: the bid is withdrawn (撤回), not held against its bidder. See docs/opening.md.
 */
final class OpeningPolicy {

    /** The decryption outcome when the lot's opening key could not be rebuilt from the released shares. */
    static final String KEY_UNAVAILABLE = "FAILED_OPENING_KEY_UNAVAILABLE";

    enum Outcome {
        OPENED, REVOKED, WITHDRAWN, AWAITING_BIDDER
    }

    private OpeningPolicy() {
    }

    static Outcome outcome(BidStore.ResultRow result) {
        if (result.decryption().equals("DECRYPTED")) {
            return result.signature().equals("VALID") ? Outcome.OPENED : Outcome.REVOKED;
        }
        if (!result.hashCheck().equals("MATCHES")) {
            return Outcome.WITHDRAWN;
        }
        return biddersFault(result.decryption()) ? Outcome.REVOKED : Outcome.AWAITING_BIDDER;
    }

    /** Why a revoked bid was revoked, as recorded with it. */
    static String cause(BidStore.ResultRow result) {
        return result.decryption().equals("DECRYPTED") ? "SIGNATURE_" + result.signature() : result.decryption();
    }

    /** Failures in what the bidder sealed; an unreadable or unwritable file on the platform's side is not its fault. */
    static boolean biddersFault(String decryption) {
        return switch (decryption) {
            case "FAILED_NOT_A_RECIPIENT", "FAILED_WRONG_KEY", "FAILED_TAMPERED", "FAILED_MALFORMED",
                    "FAILED_UNSUPPORTED_ALGORITHM" -> true;
            default -> decryption.startsWith("SIGNATURE_");
        };
    }
}
