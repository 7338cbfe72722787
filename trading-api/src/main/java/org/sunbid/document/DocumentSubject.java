package org.sunbid.document;

import java.util.Objects;
import java.util.UUID;

import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * What a signed document is about: the id of its subject, whatever its kind (a project, a lot, a bid, a complaint, a
 * guarantee). Documents are filed under it, so a feature finds the documents of its own things.
 */
public record DocumentSubject(UUID value) {

    public DocumentSubject {
        Objects.requireNonNull(value, "DocumentSubject value");
    }

    public static DocumentSubject of(UUID value) {
        return new DocumentSubject(value);
    }

    public static DocumentSubject of(ProjectId project) {
        return new DocumentSubject(project.value());
    }

    public static DocumentSubject of(LotId lot) {
        return new DocumentSubject(lot.value());
    }

    public static DocumentSubject of(BidId bid) {
        return new DocumentSubject(bid.value());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
