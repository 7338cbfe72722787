package org.sunbid.notice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Notice drafts of every kind for one project. */
final class NoticeFixtures {

    private NoticeFixtures() {
    }

    record ProjectSnapshot(UUID id, String code, String name) {
        static ProjectSnapshot random(String name) {
            String code = "330106" + "2026" + "B" + String.format("%06d", Math.abs(UUID.randomUUID().hashCode()) % 1_000_000);
            return new ProjectSnapshot(UUID.randomUUID(), code, name);
        }
    }

    static NoticeDraft draft(ProjectSnapshot p, NoticeKind kind, String title, String body, String winner,
            BigDecimal amount, UUID corrects) {
        return new NoticeDraft("test:" + UUID.randomUUID(), kind, p.id(), p.code(), p.name(), "GOVERNMENT_PROCUREMENT",
                "OPEN", title, body, "330106", List.of("A0201"), amount, "杭州市西湖区教育局", "浙江华信招标代理有限公司",
                winner, Instant.now().plusSeconds(86_400 * 25), Instant.now().plusSeconds(86_400 * 25 + 1800),
                List.of(new NoticeDraft.NoticeLot(UUID.randomUUID(), 1, "台式计算机", new BigDecimal("600000.00"),
                        new BigDecimal("12000.00")),
                        new NoticeDraft.NoticeLot(UUID.randomUUID(), 2, "笔记本电脑", new BigDecimal("250000.00"),
                                new BigDecimal("5000.00"))),
                corrects);
    }
}
