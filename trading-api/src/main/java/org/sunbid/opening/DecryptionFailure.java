package org.sunbid.opening;

import java.util.Optional;

import org.sunbid.signing.seal.OpenResult;

/**
 * Why the platform could not decrypt a bid, and whose fault that is. A failure in what the bidder sealed (the opening
 * key is not among its recipients or does not unwrap it, the ciphertext is altered or malformed, the algorithm is not
 * accepted) is the bidder's: the bid is revoked at once (撤销), without a self-decryption window in which the bidder
 * could decide after seeing the competition. A failure the platform caused (its own disk, the opening key not rebuilt)
 * leaves the bid awaiting its bidder. Stored as {@code FAILED_<name>} (see docs/opening.md).
 */
public enum DecryptionFailure {

    NOT_A_RECIPIENT(true),
    WRONG_KEY(true),
    TAMPERED(true),
    MALFORMED(true),
    UNSUPPORTED_ALGORITHM(true),
    IO_ERROR(false),
    /** The lot's opening key could not be rebuilt from the released shares. */
    OPENING_KEY_UNAVAILABLE(false);

    private static final String PREFIX = "FAILED_";

    private final boolean biddersFault;

    DecryptionFailure(boolean biddersFault) {
        this.biddersFault = biddersFault;
    }

    /** Whether the failure lies in what the bidder sealed (revoked at once) rather than on the platform's side. */
    public boolean biddersFault() {
        return biddersFault;
    }

    /** As stored and shown: {@code FAILED_TAMPERED}. */
    public String code() {
        return PREFIX + name();
    }

    public static DecryptionFailure of(OpenResult.Failure failure) {
        return valueOf(failure.name());
    }

    /** The failure a stored code names, if it names one. */
    public static Optional<DecryptionFailure> fromCode(String code) {
        if (code == null || !code.startsWith(PREFIX)) {
            return Optional.empty();
        }
        for (DecryptionFailure f : values()) {
            if (f.name().equals(code.substring(PREFIX.length()))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
