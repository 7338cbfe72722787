package org.sunbid.search;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.search.internal.AttachmentTexts;
import org.sunbid.search.internal.SearchOutbox;

/** Public search over published notices, suggestions, the outbox drain and rebuilding from PostgreSQL. */
@Service
public class SearchManagement {

    private static final int REBUILD_BATCH = 1000;

    private final SearchIndex index;
    private final SearchOutbox outbox;
    private final NoticeManagement notices;
    private final Clock clock;
    private final AttachmentTexts attachments;

    SearchManagement(SearchIndex index, SearchOutbox outbox, NoticeManagement notices, Clock clock,
            AttachmentTexts attachments) {
        this.index = index;
        this.outbox = outbox;
        this.notices = notices;
        this.clock = clock;
        this.attachments = attachments;
    }

    /** A page of hits, each with where its project stands now (one look-up of outcome notices per page). */
    public SearchResult search(SearchQuery query) {
        SearchResult result = index.search(query);
        Set<ProjectId> projects = result.hits().stream().map(SearchResult.Hit::projectId).filter(Objects::nonNull)
                .map(ProjectId::parse).collect(Collectors.toSet());
        Map<ProjectId, NoticeKind> outcomes = notices == null || projects.isEmpty() ? Map.of()
                : notices.latestOutcomes(projects);
        Instant now = clock.instant();
        return result.withHits(result.hits().stream().map(h -> h.withStage(TenderStage.of(
                Optional.ofNullable(h.projectId()).map(p -> outcomes.get(ProjectId.parse(p))), h.bidDeadline(),
                h.openingAt(), now).orElse(null))).toList());
    }

    public List<String> suggest(String field, String prefix, int limit) {
        if (!List.of("tenderee", "winner", "agency").contains(field)) {
            throw ProblemException.invalid("field", "search.suggest.field");
        }
        if (prefix == null || prefix.isBlank() || prefix.length() > 50) {
            throw ProblemException.invalid("prefix", "search.suggest.prefix");
        }
        if (limit < 1 || limit > 50) {
            throw ProblemException.invalid("limit", "search.size.range", 50);
        }
        return index.suggest(field, prefix.strip(), limit);
    }

    /** Indexes what the outbox holds; returns how many notices were indexed. Safe to call concurrently. */
    public int processOutbox() {
        return outbox.drain(index);
    }

    /**
     * Replaces the index with every notice in PostgreSQL, read in batches of a thousand (never all in memory) with the
     * text of their attachments as extracted at publication; the old content stays searchable until the new one is
     * complete. Notices the outbox indexed while the rebuild ran are requeued from the rebuild's start and indexed
     * again once the new content is in place (on Elasticsearch they may have gone into the index the swap dropped).
     * Returns the number indexed by the rebuild itself.
     */
    public long rebuild() {
        Instant start = clock.instant();
        long[] count = { 0 };
        index.rebuild(() -> new Iterator<>() {
            private long after = 0;
            private Iterator<Notice> batch = List.<Notice>of().iterator();
            private Map<UUID, String> texts = Map.of();
            private boolean last;

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && !last) {
                    List<Notice> next = notices.changesAfter(after, REBUILD_BATCH);
                    last = next.size() < REBUILD_BATCH;
                    if (!next.isEmpty()) {
                        after = next.get(next.size() - 1).seq();
                    }
                    batch = next.iterator();
                    texts = attachments.of(next);
                }
                return batch.hasNext();
            }

            @Override
            public SearchDocument next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                count[0]++;
                Notice n = batch.next();
                return SearchDocument.of(n, texts.getOrDefault(n.id(), ""));
            }
        });
        outbox.requeueSince(start);
        outbox.drain(index);
        return count[0];
    }

    public long indexedCount() {
        return index.count();
    }

    public String engine() {
        return index.engine();
    }
}
