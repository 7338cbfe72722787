package org.sunbid.project;

import java.time.Instant;
import java.util.UUID;

/** One reviewer's opinion on one version of a review item (联合审核意见). */
public record ReviewOpinion(ReviewItem item, int version, UUID reviewerId, String reviewerRole, boolean approved,
        String comment, Instant decidedAt) {
}
