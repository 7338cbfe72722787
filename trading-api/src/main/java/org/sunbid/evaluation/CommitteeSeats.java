package org.sunbid.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sunbid.evaluation.EvaluationSession.ChairVote;
import org.sunbid.evaluation.EvaluationSession.Seat;
import org.sunbid.expert.Committees.CommitteeMember;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * The seats of an evaluation session: who sits, who checked in and declared, who was replaced, and the chair elected
 * by a majority of the active members (评标委员会和评标方法暂行规定 art. 12). Part of {@link EvaluationSession}.
 */
final class CommitteeSeats {

    private final Map<MemberId, Seat> seats = new LinkedHashMap<>();
    private final Map<MemberId, MemberId> chairVotes = new LinkedHashMap<>();
    private MemberId chair;

    /** Seats members the committee gained (replacements); members already known keep their seat. */
    void seat(List<CommitteeMember> committee) {
        for (CommitteeMember m : committee) {
            seats.putIfAbsent(m.member(), new Seat(m.member(), m.name(), m.role().name(), null, null, null));
        }
    }

    /** Every active member checked in and declared, and an active member is chair. */
    boolean settled() {
        return active().stream().allMatch(s -> s.checkedInAt() != null && s.conflict() != null) && chair != null
                && isActive(chair);
    }

    void checkIn(MemberId member, Instant now) {
        Seat seat = activeSeat(member);
        if (seat.checkedInAt() == null) {
            seats.put(member, new Seat(member, seat.name(), seat.role(), now, seat.conflict(), null));
        }
    }

    /** Records a declaration; returns whether it is a conflict (the member then leaves every vote for the chair). */
    boolean declare(MemberId member, boolean conflict, String reason) {
        Seat seat = checkedIn(member, "check in before declaring");
        if (!conflict) {
            seats.put(member, new Seat(member, seat.name(), seat.role(), seat.checkedInAt(), false, null));
            return false;
        }
        if (reason == null || reason.isBlank()) {
            throw ProblemException.rule("conflict-needs-reason", "reason", "evaluation.refused",
                    "a declared conflict must say what it is");
        }
        seats.put(member, new Seat(member, seat.name(), seat.role(), seat.checkedInAt(), true, reason.strip()));
        chairVotes.remove(member);
        chairVotes.values().removeIf(member::equals);
        if (member.equals(chair)) {
            chair = null;
        }
        return true;
    }

    /** A vote for the chair; the member with votes from a majority of the active members is elected. */
    void voteChair(MemberId voter, MemberId candidate) {
        checkedIn(voter, "check in before electing the chair");
        activeSeat(candidate);
        chairVotes.put(voter, candidate);
        long forCandidate = chairVotes.values().stream().filter(candidate::equals).count();
        if (forCandidate * 2 > active().size()) {
            chair = candidate;
        }
    }

    private Seat checkedIn(MemberId member, String message) {
        Seat seat = activeSeat(member);
        if (seat.checkedInAt() == null) {
            throw ProblemException.rule("not-checked-in", "member", "evaluation.refused", message);
        }
        return seat;
    }

    Seat activeSeat(MemberId member) {
        Seat seat = seats.get(member);
        if (seat == null || !seat.active()) {
            throw ProblemException.rule("not-a-committee-member", "member", "evaluation.refused",
                    "not an active member of this lot's committee");
        }
        return seat;
    }

    boolean isActive(MemberId member) {
        Seat seat = seats.get(member);
        return seat != null && seat.active();
    }

    List<Seat> active() {
        return seats.values().stream().filter(Seat::active).toList();
    }

    List<Seat> all() {
        return List.copyOf(seats.values());
    }

    Optional<MemberId> chair() {
        return Optional.ofNullable(chair);
    }

    List<ChairVote> chairVotes() {
        return chairVotes.entrySet().stream().map(e -> new ChairVote(e.getKey(), e.getValue())).toList();
    }

    void restore(List<Seat> restored, List<ChairVote> votes, MemberId elected) {
        restored.forEach(seat -> seats.put(seat.member(), seat));
        votes.forEach(v -> chairVotes.put(v.voter(), v.candidate()));
        chair = elected;
    }
}
