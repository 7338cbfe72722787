package org.sunbid.complaint.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.sunbid.award.PublicityObjections;
import org.sunbid.opening.OpeningObjections;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.ObjectionRecord;
import org.sunbid.project.ProjectObjections;

/**
 * Every objection a complaint may follow (实施条例 art. 60): to the documents (art. 22), to the opening (art. 44) and
 * to the candidates' publicity (art. 54), each read from the feature that records it.
 */
@Component
public class ObjectionSources {

    private final ProjectObjections documents;
    private final OpeningObjections opening;
    private final PublicityObjections publicity;

    ObjectionSources(ProjectObjections documents, OpeningObjections opening, PublicityObjections publicity) {
        this.documents = documents;
        this.opening = opening;
        this.publicity = publicity;
    }

    public Optional<ObjectionRecord> find(UUID objectionId) {
        ObjectionId id = ObjectionId.of(objectionId);
        return documents.objection(id).or(() -> opening.objection(id))
                .or(() -> publicity.objection(id));
    }

    /** The member's own objections of every kind, newest first. */
    public List<ObjectionRecord> filedBy(UUID member) {
        MemberId by = MemberId.of(member);
        return Stream.of(documents.objectionsFiledBy(by), opening.objectionsFiledBy(by),
                publicity.objectionsFiledBy(by)).flatMap(List::stream)
                .sorted(Comparator.comparing(ObjectionRecord::filedAt).reversed()).toList();
    }
}
