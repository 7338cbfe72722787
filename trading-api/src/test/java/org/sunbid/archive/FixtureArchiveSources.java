package org.sunbid.archive;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;

/**
 * A fixture project's records, standing in for the project and bid features in archive tests. It answers only for
 * {@link #PROJECT}, so it changes nothing for other tests that share the application context.
 */
@Component
class FixtureArchiveSources implements ArchiveSources {

    static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-00000000a001");

    @Override
    public Optional<ArchiveSubject> describe(ProjectId project) {
        UUID projectId = project.value();
        return PROJECT.equals(projectId)
                ? Optional.of(new ArchiveSubject(PROJECT, "E3301000001202611279999", "归档测试项目 城东道路改造",
                        "CONSTRUCTION", "杭州市西湖区城市建设发展中心", Instant.parse("2026-11-20T08:00:00Z")))
                : Optional.empty();
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        UUID projectId = project.value();
        if (!PROJECT.equals(projectId)) {
            return List.of();
        }
        return List.of(
                new ArchiveEntry("notices/tender-announcement.txt", "tender-announcement", Instant.parse("2026-10-01T02:00:00Z"),
                        () -> new ByteArrayInputStream("招标公告 城东道路改造".getBytes(StandardCharsets.UTF_8))),
                new ArchiveEntry("bids/receipt-1.json", "receipt", Instant.parse("2026-10-25T01:00:00Z"),
                        () -> new ByteArrayInputStream("{\"bid\":\"1\"}".getBytes(StandardCharsets.UTF_8))));
    }
}
