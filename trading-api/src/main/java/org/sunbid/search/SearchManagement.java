package org.sunbid.search;

import java.util.List;

import org.springframework.stereotype.Service;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.ProblemException;
import org.sunbid.search.internal.SearchOutbox;

/** Public search over published notices, suggestions, the outbox drain and rebuilding from PostgreSQL. */
@Service
public class SearchManagement {

    private final SearchIndex index;
    private final SearchOutbox outbox;
    private final NoticeManagement notices;

    SearchManagement(SearchIndex index, SearchOutbox outbox, NoticeManagement notices) {
        this.index = index;
        this.outbox = outbox;
        this.notices = notices;
    }

    public SearchResult search(SearchQuery query) {
        return index.search(query);
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

    /** Replaces the index with every notice in PostgreSQL; returns the number indexed. */
    public long rebuild() {
        List<SearchDocument> all = new java.util.ArrayList<>();
        notices.forEach(n -> all.add(document(n)));
        index.rebuild(all);
        return all.size();
    }

    public long indexedCount() {
        return index.count();
    }

    public String engine() {
        return index.engine();
    }

    /** How a notice is indexed. */
    public static SearchDocument document(Notice n) {
        return new SearchDocument(n.id().toString(), n.publicId(), n.kind().name(), n.projectType(), n.regionCode(),
                n.classificationCodes(), n.amount(), n.publishedAt(), n.tenderee(), n.agency(), n.winner(), n.title(),
                n.body(), n.test());
    }
}
