package org.sunbid.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.notice.internal.Notices;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;

/** Publishes notices (the one door other features use) and reads them back for the public API and open data. */
@Service
@Transactional
public class NoticeManagement {

    /** OCDS prefix of our open contracting ids (ocds-xxxxxx is assigned by OCP; this one is our placeholder). */
    public static final String OCID_PREFIX = "ocds-sunbid-";

    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<TestProjects> testProjects;

    NoticeManagement(Notices notices, ApplicationEventPublisher events, Clock clock, List<TestProjects> testProjects) {
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.testProjects = List.copyOf(testProjects);
    }

    /**
     * Publishes a notice once: a second call with the same idempotency key returns the first notice and raises no
     * event. A correction names the notice it corrects, which must belong to the same project.
     */
    public Notice publish(NoticeDraft given) {
        boolean test = testProjects.stream().anyMatch(t -> t.isTest(ProjectId.of(given.projectId())));
        NoticeDraft draft = test ? given.markedAsTest() : given;
        Optional<Notice> existing = notices.findByIdempotencyKey(draft.idempotencyKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (draft.correctsId() != null) {
            Notice corrected = notices.findById(draft.correctsId())
                    .orElseThrow(() -> ProblemException.invalid("correctsId", "notice.corrects.unknown", draft.correctsId()));
            if (!corrected.projectId().equals(draft.projectId())) {
                throw ProblemException.invalid("correctsId", "notice.corrects.other-project", corrected.publicId());
            }
        }
        Instant now = clock.instant();
        int year = now.atZone(org.sunbid.platform.PlatformZone.ZONE).getYear();
        Optional<Notice> inserted = notices.insert(UUID.randomUUID(), year, draft, test, now);
        if (inserted.isEmpty()) { // lost a race with the same key
            return notices.findByIdempotencyKey(draft.idempotencyKey()).orElseThrow();
        }
        Notice notice = inserted.get();
        events.publishEvent(new NoticePublished(notice.id(), notice.publicId(), notice.kind(), notice.projectId(),
                notice.publishedAt()));
        return notice;
    }

    @Transactional(readOnly = true)
    public Optional<Notice> find(String publicId) {
        return notices.findByPublicId(publicId);
    }

    @Transactional(readOnly = true)
    public Optional<Notice> find(NoticeId notice) {
        return notices.findById(notice.value());
    }

    @Transactional(readOnly = true)
    public List<Notice> ofProject(ProjectId project) {
        return notices.ofProject(project.value());
    }

    /**
     * For each of these projects that has one, the kind of its latest notice that ends a stage: opening record,
     * candidate publicity, award, contract, failed tender or termination.
     */
    @Transactional(readOnly = true)
    public Map<ProjectId, NoticeKind> latestOutcomes(Collection<ProjectId> projects) {
        Map<UUID, NoticeKind> latest = notices.latestOf(projects.stream().map(ProjectId::value).toList(),
                EnumSet.of(NoticeKind.OPENING_RECORD, NoticeKind.CANDIDATE_PUBLICITY, NoticeKind.AWARD,
                        NoticeKind.CONTRACT, NoticeKind.FAILED_TENDER, NoticeKind.TERMINATION));
        Map<ProjectId, NoticeKind> outcomes = new java.util.HashMap<>();
        latest.forEach((project, kind) -> outcomes.put(ProjectId.of(project), kind));
        return outcomes;
    }

    @Transactional(readOnly = true)
    public List<Notice> ofTransactionCode(String transactionCode) {
        return notices.ofTransactionCode(transactionCode);
    }

    /** Notices with {@code seq > after}, oldest first: the lossless changes feed. */
    @Transactional(readOnly = true)
    public List<Notice> changesAfter(long after, int limit) {
        return notices.after(after, limit);
    }

    /**
     * Newest first, optionally of one kind and region, strictly before {@code beforeSeq} when given; notices of test
     * projects only when {@code includeTests}.
     */
    @Transactional(readOnly = true)
    public List<Notice> latest(Optional<NoticeKind> kind, Optional<String> region, Optional<Long> beforeSeq, int limit,
            boolean includeTests) {
        return notices.latest(kind, region, beforeSeq, limit, includeTests);
    }

    /** The public changes feed: as {@link #changesAfter}, without test projects' notices unless {@code includeTests}. */
    @Transactional(readOnly = true)
    public List<Notice> changesAfter(long after, int limit, boolean includeTests) {
        return includeTests ? notices.after(after, limit) : notices.realAfter(after, limit);
    }

    /** Streams every notice in publication order, in batches (used to rebuild search indexes). */
    @Transactional(readOnly = true)
    public void forEach(Consumer<Notice> action) {
        long after = 0;
        while (true) {
            List<Notice> batch = notices.after(after, 1000);
            batch.forEach(action);
            if (batch.size() < 1000) {
                return;
            }
            after = batch.get(batch.size() - 1).seq();
        }
    }
}
