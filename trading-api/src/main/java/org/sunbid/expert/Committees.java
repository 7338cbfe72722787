package org.sunbid.expert;

import java.util.List;
import java.util.Optional;

import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/** The evaluation committee of a lot as the expert draw seated it, for the evaluation and award features. */
public interface Committees {

    /** Members seated on the lot's committee (drawn experts who accepted, and tenderee representatives); empty until staffed. */
    List<CommitteeMember> seated(LotId lot);

    /**
     * Removes a seated member (declared conflict or absence, with the reason logged): a drawn expert's seat goes to the
     * next reserve or a replacement draw; a tenderee representative's seat is vacated until the tenderee names a
     * substitute ({@link CommitteeRepresentatives#name}), and the person is never named to the lot again.
     */
    void replace(LotId lot, MemberId member, String reason);

    /** The signed draw record of the lot as canonical JSON, once the draw has run. */
    Optional<String> drawRecord(LotId lot);

    /** The pool file the draw record names by SHA-256 (published beside it; {@code bidtool draw-verify --pool}). */
    Optional<byte[]> drawPool(LotId lot);

    /**
     * The evaluation of the lot starts (called by the evaluation feature): from now on staff and the tenderee may see
     * the committee's names, which were sealed until then. Idempotent.
     */
    void evaluationStarted(LotId lot);

    /**
     * One seat on a committee; every seat has a member id of its own: a drawn expert's, a representative's own account,
     * or for a representative named only, an id derived from the lot and its position in the plan.
     */
    record CommitteeMember(MemberId member, String name, Role role) {
    }

    /** Why a member sits on the committee. */
    enum Role {
        DRAWN_EXPERT,
        TENDEREE_REPRESENTATIVE
    }
}
