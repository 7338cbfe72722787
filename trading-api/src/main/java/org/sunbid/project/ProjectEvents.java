package org.sunbid.project;

import java.time.Instant;
import java.util.UUID;

/** Past-tense events of the project feature, for the supervision log and for scheduling. */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    public record ProjectRegistered(UUID projectId, String transactionCode, UUID memberId, UUID accountId, Instant at) {
    }

    public record ProjectSubmitted(UUID projectId, UUID accountId, Instant at) {
    }

    public record ProjectAccepted(UUID projectId, UUID staffAccountId, Instant at) {
    }

    public record ProjectReturned(UUID projectId, UUID staffAccountId, String reason, Instant at) {
    }

    public record ReviewItemRevised(UUID projectId, ReviewItem item, int version, UUID accountId, Instant at) {
    }

    public record ReviewOpinionGiven(UUID projectId, ReviewItem item, int version, UUID reviewerId, String role,
            boolean approved, Instant at) {
    }

    public record ProjectPublished(UUID projectId, UUID noticeId, String noticePublicId, Instant at) {
    }

    /** The bid deadline (and the opening with it) moved; scheduling moves rooms and jobs. */
    public record DeadlineMoved(UUID projectId, UUID lotId, Instant oldDeadline, Instant newDeadline,
            Instant newOpening) {
    }

    public record ObjectionFiled(UUID projectId, UUID objectionId, UUID memberId, Instant answerDue, Instant at) {
    }

    public record ObjectionAnswered(UUID projectId, UUID objectionId, UUID accountId, Instant at) {
    }

    public record TenderDocumentsDownloaded(UUID projectId, UUID memberId, Instant at) {
    }
}
