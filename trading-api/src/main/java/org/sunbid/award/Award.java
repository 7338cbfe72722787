package org.sunbid.award;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ObjectionId;

/**
 * The award of one lot, from the candidates' publicity to completion. Rules: objections only during publicity, each
 * answered within 3 days and suspending the award while open (实施条例 art. 54); the decision only after publicity and
 * only for a candidate; a state-funded project awards to the highest-ranked candidate that has not given up, failed to
 * sign or been disqualified (实施条例 art. 55); the contract once, then the project is complete.
 */
public final class Award {

    /** Where the award stands. */
    public enum Stage {
        PUBLICITY, DECIDED, CONTRACTED
    }

    /** Why a higher-ranked candidate was passed over (实施条例 art. 55). */
    public enum PassOver {
        GAVE_UP("放弃中标"), FAILED_TO_SIGN("未按期签订合同"), DISQUALIFIED("被查实存在影响中标结果的违法行为");

        private final String label;

        PassOver(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A candidate passed over and why. */
    public record Skipped(BidId bid, PassOver reason) {
    }

    /** The tenderee's signed decision. */
    public record Decision(BidId winner, List<Skipped> skipped, String signatureSha256, Instant at) {
        public Decision {
            skipped = List.copyOf(skipped);
        }
    }

    /** The signed contract's file and hash. */
    public record Contract(String sha256, String file, Instant at, boolean late) {
    }

    private final LotId lot;
    private final boolean stateFunded;
    private final List<Candidate> candidates;
    private final PublicityRules.Period publicity;
    private final List<Objection> objections = new ArrayList<>();
    private Decision decision;
    private Contract contract;

    public Award(LotId lot, boolean stateFunded, List<Candidate> candidates, PublicityRules.Period publicity) {
        this.lot = Objects.requireNonNull(lot, "lot");
        this.stateFunded = stateFunded;
        this.candidates = List.copyOf(candidates);
        if (this.candidates.isEmpty()) {
            throw ProblemException.rule("no-candidates", null, "award.refused",
                    "a failed lot has no award");
        }
        this.publicity = Objects.requireNonNull(publicity, "publicity");
    }

    public Objection object(MemberId by, String text, String signatureSha256, Instant now) {
        if (!publicity.covers(now)) {
            throw ProblemException.rule("objection-outside-publicity", null, "award.refused",
                    "objections to the result are raised during the candidates' publicity (实施条例 art. 54)");
        }
        Objection objection = new Objection(UUID.randomUUID(), by, text, signatureSha256, now, null, null);
        objections.add(objection);
        return objection;
    }

    public Objection answer(ObjectionId objectionId, String answer, Instant now) {
        if (answer == null || answer.isBlank()) {
            throw ProblemException.rule("answer-required", "answer", "award.refused",
                    "the answer must not be empty");
        }
        Objection o = objections.stream().filter(x -> x.id().equals(objectionId.value())).findFirst()
                .orElseThrow(() -> ProblemException.rule("unknown-objection", "objectionId", "award.refused",
                                "no such objection"));
        if (!o.open()) {
            throw ProblemException.rule("objection-already-answered", "objectionId", "award.refused",
                    "the objection is answered");
        }
        Objection answered = new Objection(o.id(), o.by(), o.text(), o.signatureSha256(), o.raisedAt(), answer.strip(),
                now);
        objections.set(objections.indexOf(o), answered);
        return answered;
    }

    public boolean suspended() {
        return objections.stream().anyMatch(Objection::open);
    }

    public Stage stage() {
        return contract != null ? Stage.CONTRACTED : decision != null ? Stage.DECIDED : Stage.PUBLICITY;
    }

    /** The tenderee's decision; {@code skipped} says why each higher-ranked candidate was passed over. */
    public Decision decide(BidId winner, List<Skipped> skipped, String signatureSha256, Instant now) {
        if (decision != null) {
            throw ProblemException.rule("award-already-decided", "bid", "award.refused",
                    "the award is already decided");
        }
        if (now.isBefore(publicity.until())) {
            throw ProblemException.rule("publicity-not-ended", null, "award.refused",
                    "the award follows the end of the publicity");
        }
        if (suspended()) {
            throw ProblemException.rule("award-suspended-by-objection", null, "award.refused",
                    "an objection is open: the award is suspended until it is answered (实施条例 art. 54)");
        }
        Candidate chosen = candidates.stream().filter(c -> c.bid().equals(winner)).findFirst()
                .orElseThrow(() -> ProblemException.rule("award-to-non-candidate", "bid", "award.refused",
                                "only a ranked candidate can be awarded"));
        if (stateFunded) {
            for (Candidate higher : candidates.stream().filter(c -> c.rank() < chosen.rank()).toList()) {
                if (skipped.stream().noneMatch(s -> s.bid().equals(higher.bid()))) {
                    throw ProblemException.rule("state-funded-first-ranked", "bid", "award.refused",
                            "a state-funded project awards to the first-ranked candidate unless it gave up, failed to "
                                    + "sign or was disqualified (实施条例 art. 55)");
                }
            }
        }
        for (Skipped s : skipped) {
            Candidate c = candidates.stream().filter(x -> x.bid().equals(s.bid())).findFirst()
                    .orElseThrow(() -> ProblemException.rule("award-to-non-candidate", "skipped", "award.refused",
                                    "not a candidate"));
            if (c.rank() >= chosen.rank()) {
                throw ProblemException.rule("skipped-not-higher", "skipped", "award.refused",
                        "only higher-ranked candidates are passed over");
            }
        }
        decision = new Decision(winner, skipped, signatureSha256, now);
        return decision;
    }

    /** Accepts the signed contract once; late (after 30 days of the letter) contracts are accepted and marked late. */
    public Contract contract(String sha256, String file, Instant now) {
        if (contract != null) {
            throw ProblemException.rule("project-complete", "contract", "award.refused",
                    "the contract is in and the project is complete");
        }
        if (decision == null) {
            throw ProblemException.rule("award-not-decided", "contract", "award.refused",
                    "a contract follows the award decision");
        }
        contract = new Contract(sha256, file, now, now.isAfter(decision.at().plus(PublicityRules.CONTRACT_WITHIN)));
        return contract;
    }

    public Candidate winner() {
        if (decision == null) {
            throw new IllegalStateException("Award of lot %s is not decided".formatted(lot));
        }
        return candidates.stream().filter(c -> c.bid().equals(decision.winner())).findFirst().orElseThrow();
    }

    /** A snapshot for the repository. */
    public record Snapshot(LotId lot, boolean stateFunded, List<Candidate> candidates, PublicityRules.Period publicity,
            List<Objection> objections, Decision decision, Contract contract) {
    }

    public Snapshot snapshot() {
        return new Snapshot(lot, stateFunded, candidates, publicity, List.copyOf(objections), decision, contract);
    }

    public static Award restore(Snapshot s) {
        Award award = new Award(s.lot(), s.stateFunded(), s.candidates(), s.publicity());
        award.objections.addAll(s.objections());
        award.decision = s.decision();
        award.contract = s.contract();
        return award;
    }

    public LotId lot() {
        return lot;
    }

    public boolean stateFunded() {
        return stateFunded;
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    public PublicityRules.Period publicity() {
        return publicity;
    }

    public List<Objection> objections() {
        return List.copyOf(objections);
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<Contract> contract() {
        return Optional.ofNullable(contract);
    }
}
