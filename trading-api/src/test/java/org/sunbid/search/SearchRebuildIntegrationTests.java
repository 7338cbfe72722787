package org.sunbid.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.search.internal.AttachmentTexts;
import org.sunbid.search.internal.ElasticsearchSearchIndex;
import org.sunbid.search.internal.SearchOutbox;
import org.sunbid.support.PlatformTest;
import org.sunbid.support.RealComponents;

/**
 * A notice published while Elasticsearch rebuilds is found afterwards. The outbox indexes it into the index the alias
 * points at, which the rebuild's swap then drops; the rebuild requeues what the outbox indexed since its start and
 * indexes it again into the fresh index. Real PostgreSQL (the outbox) and a real Elasticsearch; the rebuild is held
 * between reading its last notice and swapping the alias, the window where the notice used to be lost.
 */
@PlatformTest
class SearchRebuildIntegrationTests {

    @Autowired
    NoticeManagement notices;
    @Autowired
    SearchOutbox outbox;
    @Autowired
    AttachmentTexts attachments;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    @Test
    void aNoticeIndexedWhileElasticsearchRebuildsIsInTheNewIndex() throws Exception {
        String value = System.getProperty("sunbid.test.elasticsearch.uris", System.getenv("SUNBID_TEST_ELASTICSEARCH_URIS"));
        RealComponents.require(value != null && !value.isBlank(), "SearchRebuildIntegrationTests: "
                + "SUNBID_TEST_ELASTICSEARCH_URIS is not set (start one with .ci/elasticsearch.sh)");
        List<URI> uris = Arrays.stream(value.split(",")).map(String::strip).map(URI::create).toList();
        // the context's poller drains the same outbox into its own engine: it is paused so that this engine gets the rows
        SmartLifecycle poller = context.getBeansOfType(SmartLifecycle.class).values().stream()
                .filter(b -> b.getClass().getSimpleName().equals("OutboxPoller")).findFirst().orElseThrow();
        poller.stop();
        CountDownLatch lastRead = new CountDownLatch(1);
        CountDownLatch swap = new CountDownLatch(1);
        try (ElasticsearchSearchIndex elasticsearch = new ElasticsearchSearchIndex(uris, "sunbid-rebuild-" + UUID.randomUUID())) {
            SearchManagement search = new SearchManagement(new HeldRebuild(elasticsearch, lastRead, swap), outbox, notices,
                    clock, attachments);
            try {
                String before = word("重建之前");
                Notice early = notices.publish(draft(before));
                search.processOutbox();
                CompletableFuture<Long> rebuild = CompletableFuture.supplyAsync(search::rebuild);
                assertThat(lastRead.await(120, TimeUnit.SECONDS)).as("the rebuild read every notice").isTrue();

                String word = word("重建窗口");
                Notice late = notices.publish(draft(word));
                search.processOutbox();
                assertThat(ids(search, word)).as("indexed into the index the alias still names")
                        .containsExactly(late.id().toString());

                swap.countDown();
                long rebuilt = rebuild.get(120, TimeUnit.SECONDS);
                assertThat(rebuilt).as("every notice in PostgreSQL when the rebuild read them").isPositive();
                assertThat(ids(search, before)).as("rebuilt").containsExactly(early.id().toString());
                assertThat(ids(search, word)).as("requeued and indexed into the fresh index after the swap")
                        .containsExactly(late.id().toString());
            } finally {
                swap.countDown();
                elasticsearch.drop();
            }
        } finally {
            poller.start();
        }
    }

    private static String word(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "乙");
    }

    private static List<String> ids(SearchManagement search, String word) {
        return search.search(SearchQuery.text(word)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    private static NoticeDraft draft(String word) {
        return new NoticeDraft("rebuild:" + UUID.randomUUID(), NoticeKind.TENDER_ANNOUNCEMENT, UUID.randomUUID(),
                "3301062026R" + String.format("%06d", (int) (Math.random() * 1_000_000)), word + "项目", "CONSTRUCTION",
                "OPEN", word + "项目招标公告", "本项目在索引重建期间发布。", "330106", List.of("B0201"),
                new BigDecimal("800000.00"), "杭州市西湖区城建中心", null, null, Instant.now().plusSeconds(86_400),
                Instant.now().plusSeconds(90_000), List.of(), null);
    }

    /** The real engine, its rebuild held after the last document is read (before the swap) until the test lets go. */
    private record HeldRebuild(SearchIndex real, CountDownLatch lastRead, CountDownLatch swap) implements SearchIndex {

        @Override
        public void rebuild(Iterable<SearchDocument> documents) {
            real.rebuild(() -> new Iterator<>() {
                private final Iterator<SearchDocument> read = documents.iterator();

                @Override
                public boolean hasNext() {
                    boolean more = read.hasNext();
                    if (!more && lastRead.getCount() > 0) {
                        lastRead.countDown();
                        try {
                            swap.await(120, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return more;
                }

                @Override
                public SearchDocument next() {
                    return read.next();
                }
            });
        }

        @Override
        public void index(List<SearchDocument> documents) {
            real.index(documents);
        }

        @Override
        public void delete(String id) {
            real.delete(id);
        }

        @Override
        public SearchResult search(SearchQuery query) {
            return real.search(query);
        }

        @Override
        public List<String> suggest(String field, String prefix, int limit) {
            return real.suggest(field, prefix, limit);
        }

        @Override
        public long count() {
            return real.count();
        }

        @Override
        public String engine() {
            return real.engine();
        }

        @Override
        public void close() {
        }
    }
}
