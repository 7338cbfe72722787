package org.sunbid.award;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.award.internal.AwardStore;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.ObjectionRecord;

/**
 * Objections to the evaluation result raised during the candidates' publicity (实施条例 art. 54), as the complaint that
 * may follow one reads them (art. 60): the answer is due within {@link PublicityRules#ANSWER_WITHIN} of the objection.
 */
@Service
@Transactional(readOnly = true)
public class PublicityObjections {

    private final AwardStore store;

    PublicityObjections(AwardStore store) {
        this.store = store;
    }

    public Optional<ObjectionRecord> objection(ObjectionId objection) {
        UUID objectionId = objection.value();
        return store.objectionLot(objectionId).flatMap(store::find).flatMap(row -> record(row, objectionId));
    }

    /** The member's own objections during publicity, newest first. */
    public List<ObjectionRecord> objectionsFiledBy(MemberId member) {
        return store.objectionsBy(member.value()).stream().flatMap(id -> objection(ObjectionId.of(id)).stream())
                .toList();
    }

    private static Optional<ObjectionRecord> record(AwardStore.AwardRow row, UUID objectionId) {
        if (row.award() == null) {
            return Optional.empty();
        }
        return row.award().objections().stream().filter(o -> o.id().equals(objectionId)).findFirst()
                .map(o -> new ObjectionRecord(o.id(), ProjectId.of(row.project()), o.by(), o.raisedAt(), o.answerDue(),
                        o.answeredAt(), ObjectionRecord.Subject.CANDIDATES));
    }
}
