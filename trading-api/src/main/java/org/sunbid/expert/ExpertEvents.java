package org.sunbid.expert;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.id.LotId;

/**
 * Past-tense events of the expert library and draw, for the supervision log. Events about a lot's committee never
 * name a drawn expert before the evaluation starts: they carry seat ids, counts and states.
 */
public final class ExpertEvents {

    private ExpertEvents() {
    }

    public record ExpertAdmitted(UUID expert, String region, List<String> specialties, UUID actor, Instant at) {
    }

    public record ExpertProfileChanged(UUID expert, String region, List<String> specialties, String email, UUID actor,
            Instant at) {
    }

    public record ExpertStatusChanged(UUID expert, ExpertStatus from, ExpertStatus to, String reason, UUID actor,
            Instant at) {
    }

    public record ConflictDeclared(UUID expert, UUID conflict, String uscc, String reason, Instant at) {
    }

    public record ConflictWithdrawn(UUID expert, UUID conflict, Instant at) {
    }

    public record LeaveDeclared(UUID expert, UUID leave, Instant startsAt, Instant endsAt, Instant at) {
    }

    /** The committee plan of a lot was set (groups and counts only). */
    public record CommitteePlanned(LotId lot, UUID project, int drawnExperts, int representatives, Instant at) {
    }

    /** The lot was published: the secret its draw will use is fixed, and this is its SHA-256. */
    public record DrawSecretCommitted(LotId lot, UUID project, String commitment, Instant at) {
    }

    /**
     * The lot's pool was frozen as the library stood at the bid deadline: the SHA-256 of the pool file every draw
     * record of the lot names, logged before the draw.
     */
    public record PoolFrozen(LotId lot, UUID project, String poolSha256, int size, Instant asOf, Instant at) {
    }

    /** A draw ran; the record's SHA-256 lets anyone match the published record to this entry. */
    public record CommitteeDrawn(LotId lot, UUID draw, int sequence, int members, int reserves, int pool, int excluded,
            String recordSha256, String reason, Instant at) {
    }

    /** A draw was refused (no plan, lot not opened, pool too small): the rule and, for a small pool, the counts. */
    public record DrawRefused(LotId lot, String rule, String detail, Instant at) {
    }

    public record ExpertInvited(LotId lot, UUID seat, Instant answerDue, Instant at) {
    }

    public record InvitationAccepted(LotId lot, UUID seat, AnswerChannel via, Instant at) {
    }

    public record InvitationDeclined(LotId lot, UUID seat, String reason, AnswerChannel via, Instant at) {
    }

    public record InvitationExpired(LotId lot, UUID seat, Instant at) {
    }

    public record SeatReplaced(LotId lot, UUID seat, String reason, Instant at) {
    }

    /**
     * A tenderee representative declared a conflict and left the seat in {@code position}; the tenderee names a
     * substitute (representatives are the tenderee's own, not drawn: 招标投标法 第三十七条).
     */
    public record RepresentativeRecused(LotId lot, int position, UUID member, String reason, Instant at) {
    }

    /**
     * The tenderee gave representative seat {@code position} a member account: the same person's (named only until
     * then) or, after a recusal, a substitute's ({@code substitute}). The holder takes part in the evaluation online.
     */
    public record RepresentativeNamed(LotId lot, int position, UUID member, boolean substitute, UUID by, Instant at) {
    }

    /** Every drawn seat of the lot has accepted: the committee is complete. */
    public record CommitteeStaffed(LotId lot, int members, Instant at) {
    }

    /** A regulator saw the drawn experts' names before the evaluation, for the reason given. */
    public record CommitteeNamesDisclosed(LotId lot, UUID by, String reason, Instant at) {
    }

    public record EvaluationStarted(LotId lot, Instant at) {
    }
}
