package org.sunbid.opening;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.sunbid.bid.BidFormSchema;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * One bid's way through the opening: queued, decrypting, verifying, then opened, revoked (撤销, the bidder's fault),
 * withdrawn (撤回, the platform's side) or awaiting its bidder (self-decryption), which ends self-decrypted, revoked or
 * withdrawn. Each step is saved as it happens, so the hall follows it live and each bid can be decrypted on its own.
 */
public final class BidDecryption {

    /** Where the bid stands; stored as its name. */
    public enum Stage {
        QUEUED, DECRYPTING, VERIFYING, OPENED, AWAITING_BIDDER, SELF_DECRYPTED, REVOKED, WITHDRAWN;

        /** Decryption is over for the bid: it is opened or ended, nothing more happens to it at the opening. */
        public boolean ended() {
            return this == OPENED || this == SELF_DECRYPTED || this == REVOKED || this == WITHDRAWN;
        }
    }

    /** What decrypting the bid gave: decrypted by the platform, decrypted by its bidder, or a failure. */
    public sealed interface Decryption {

        String code();

        /** The stored code read back; an unknown failure code counts as the platform's own failure. */
        static Decryption fromCode(String code) {
            return switch (code) {
                case "DECRYPTED" -> new Decrypted();
                case "SELF_DECRYPTED" -> new SelfDecrypted();
                default -> new Failed(DecryptionFailure.fromCode(code).orElse(DecryptionFailure.IO_ERROR));
            };
        }
    }

    public record Decrypted() implements Decryption {
        @Override
        public String code() {
            return "DECRYPTED";
        }
    }

    public record SelfDecrypted() implements Decryption {
        @Override
        public String code() {
            return "SELF_DECRYPTED";
        }
    }

    public record Failed(DecryptionFailure failure) implements Decryption {
        public Failed {
            Objects.requireNonNull(failure);
        }

        @Override
        public String code() {
            return failure.code();
        }
    }

    /** The bidder's inner signature, checked against its registered certificates at the receipt's time. */
    public enum Signature {
        VALID, NOT_BY_REGISTERED_CERTIFICATE, CERTIFICATE_NOT_VALID_AT_RECEIPT, CERTIFICATE_EXPIRED_AT_SIGNING, MALFORMED,
        NOT_CHECKED
    }

    /** The sealed file against the hash its receipt states. */
    public enum HashCheck {
        MATCHES, TAMPERED_AFTER_RECEIPT
    }

    /** The bid form read from the signed package: price, duration and its JSON, or nothing. */
    public record BidForm(BigDecimal price, String duration, String json) {
        public static final BidForm NONE = new BidForm(null, null, null);

        /**
         * Where the form breaks the published bid form schema ({@link BidFormSchema}), by JSON pointer; empty when it
         * conforms or when there is no form.
         */
        public List<BidFormSchema.Violation> violations() {
            return json == null ? List.of() : BidFormSchema.violations(json);
        }
    }

    /** Everything the platform found out about the bid. */
    public record Checks(Decryption decryption, Signature signature, HashCheck hash, BidForm form) {
        public Checks {
            Objects.requireNonNull(decryption);
            Objects.requireNonNull(signature);
            Objects.requireNonNull(hash);
            form = form == null ? BidForm.NONE : form;
        }

        /** A bid the platform could not decrypt. */
        public static Checks failed(DecryptionFailure failure, HashCheck hash) {
            return new Checks(new Failed(failure), Signature.NOT_CHECKED, hash, BidForm.NONE);
        }
    }

    private final BidId bid;
    private final LotId lot;
    private final MemberId bidder;
    private Stage stage;
    private String reason;
    private Checks checks;
    private Instant updatedAt;

    private BidDecryption(BidId bid, LotId lot, MemberId bidder, Stage stage, String reason, Checks checks,
            Instant updatedAt) {
        this.bid = Objects.requireNonNull(bid);
        this.lot = Objects.requireNonNull(lot);
        this.bidder = Objects.requireNonNull(bidder);
        this.stage = Objects.requireNonNull(stage);
        this.reason = reason;
        this.checks = checks;
        this.updatedAt = updatedAt;
    }

    /** A bid of the lot waits its turn once the opening key is rebuilt. */
    public static BidDecryption queued(BidId bid, LotId lot, MemberId bidder, Instant now) {
        return new BidDecryption(bid, lot, bidder, Stage.QUEUED, null, null, now);
    }

    /** As stored (the repository's way back). */
    public static BidDecryption restore(BidId bid, LotId lot, MemberId bidder, Stage stage, String reason, Checks checks,
            Instant updatedAt) {
        return new BidDecryption(bid, lot, bidder, stage, reason, checks, updatedAt);
    }

    public void decrypting(Instant now) {
        require(stage == Stage.QUEUED, "decrypting");
        move(Stage.DECRYPTING, null, now);
    }

    /** Decrypted: its inner signature is being checked. */
    /** The node decrypting the bid died before its checks were saved: the bid waits in the queue again. */
    public void requeued(Instant now) {
        require(stage == Stage.DECRYPTING || stage == Stage.VERIFYING, "requeued");
        move(Stage.QUEUED, null, now);
    }

    public void verifying(Instant now) {
        require(stage == Stage.DECRYPTING, "verifying");
        move(Stage.VERIFYING, null, now);
    }

    /**
     * What the platform found decides the bid's stage: a decrypted bid signed by its bidder is opened (even if its
     * file changed after the receipt: that is noted with it); signed by anyone else, or a failure in how it was sealed,
     * it is revoked; a file changed on the platform's side that could not be opened is withdrawn; only a failure the
     * platform caused awaits the bidder.
     */
    public Stage checked(Checks found, Instant now) {
        require(stage == Stage.DECRYPTING || stage == Stage.VERIFYING, "checked");
        checks = Objects.requireNonNull(found);
        if (found.decryption() instanceof Decrypted) {
            if (found.signature() == Signature.VALID) {
                move(Stage.OPENED, found.hash() == HashCheck.MATCHES ? null : found.hash().name(), now);
            } else {
                move(Stage.REVOKED, signatureCause(found.signature()), now);
            }
        } else if (found.hash() != HashCheck.MATCHES) {
            move(Stage.WITHDRAWN, found.hash().name(), now);
        } else if (found.decryption() instanceof Failed failed && failed.failure().biddersFault()) {
            move(Stage.REVOKED, failed.code(), now);
        } else {
            move(Stage.AWAITING_BIDDER, found.decryption().code(), now);
        }
        return stage;
    }

    /**
     * Its bidder decrypted it with its own key within the window and the package matched the sealed file: opened if
     * signed by the bidder, revoked otherwise.
     */
    public Stage selfDecrypted(Signature signature, BidForm form, Instant now) {
        if (stage != Stage.AWAITING_BIDDER) {
            throw OpeningRefused.pastStep("self-decrypt-not-needed", "bidId", "bid.self-decrypt.not-needed");
        }
        checks = new Checks(new SelfDecrypted(), signature, HashCheck.MATCHES, signature == Signature.VALID ? form
                : BidForm.NONE);
        if (signature == Signature.VALID) {
            move(Stage.SELF_DECRYPTED, null, now);
        } else {
            move(Stage.REVOKED, signatureCause(signature), now);
        }
        return stage;
    }

    /** The window closed with the bid still awaiting its bidder: revoked if the cause was its own, withdrawn otherwise. */
    public Stage windowClosed(Instant now) {
        require(stage == Stage.AWAITING_BIDDER, "windowClosed");
        String cause = reason == null ? "FAILED" : reason;
        boolean biddersFault = DecryptionFailure.fromCode(cause).map(DecryptionFailure::biddersFault).orElse(false);
        move(biddersFault ? Stage.REVOKED : Stage.WITHDRAWN, cause, now);
        return stage;
    }

    /** Counted as a valid bid in the opening record: opened, signed by its bidder, its file as the receipt states. */
    public boolean valid() {
        return (stage == Stage.OPENED || stage == Stage.SELF_DECRYPTED) && checks != null
                && checks.signature() == Signature.VALID && checks.hash() == HashCheck.MATCHES;
    }

    /** The opening ended the bid (revoked or withdrawn): the bid feature records that with the bid. */
    public boolean endedByOpening() {
        return stage == Stage.REVOKED || stage == Stage.WITHDRAWN;
    }

    private static String signatureCause(Signature signature) {
        return "SIGNATURE_" + signature.name();
    }

    private void move(Stage next, String why, Instant now) {
        stage = next;
        reason = why;
        updatedAt = now;
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalStateException("bid %s cannot go %s from %s".formatted(bid, transition, stage));
        }
    }

    public BidId bid() {
        return bid;
    }

    public LotId lot() {
        return lot;
    }

    public MemberId bidder() {
        return bidder;
    }

    public Stage stage() {
        return stage;
    }

    /** Why the bid is where it is (a failure's code, a revocation's cause), or null. */
    public String reason() {
        return reason;
    }

    /** What was found, once the bid has been checked. */
    public Optional<Checks> checks() {
        return Optional.ofNullable(checks);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
