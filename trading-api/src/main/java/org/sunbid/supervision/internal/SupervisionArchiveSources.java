package org.sunbid.supervision.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;
import org.sunbid.supervision.LogEntry;
import org.sunbid.supervision.LogQuery;
import org.sunbid.supervision.SignedTreeHead;
import org.sunbid.supervision.SupervisionLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's excerpt of the supervision log in its archive package: every entry that mentions the project (its
 * lots', bids' and notices' too), a freshly signed and timestamped tree head, and one inclusion proof per entry
 * against it — each checkable offline with {@code bidtool proof-verify}.
 */
@Component
class SupervisionArchiveSources implements ArchiveSources {

    static final int MAX_ENTRIES = 50_000;
    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final SupervisionLog log;

    SupervisionArchiveSources(SupervisionLog log) {
        this.log = log;
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        UUID projectId = project.value();
        List<LogEntry> found = new ArrayList<>();
        for (int page = 0; found.size() < MAX_ENTRIES; page++) {
            List<LogEntry> batch = log.list(new LogQuery(null, projectId.toString(), null, null, null, null, page, 500), null);
            found.addAll(batch);
            if (batch.size() < 500) {
                break;
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        SignedTreeHead head = log.issueTreeHeadNow(null);
        Instant at = head.timestamp();
        List<ArchiveEntry> entries = new ArrayList<>();
        entries.add(bytes("supervision/tree-head.json", "signed-tree-head", at,
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(head)));
        StringBuilder lines = new StringBuilder();
        for (LogEntry entry : found) {
            lines.append(JSON.writeValueAsString(entry)).append('\n');
            if (entry.seq() < head.treeSize()) {
                SupervisionLog.ProvenEntry proven = log.entry(entry.seq(), head.treeSize(), null);
                entries.add(bytes("supervision/proofs/" + entry.seq() + ".json", "inclusion-proof", at,
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(proven.inclusionProof())));
            }
        }
        entries.add(bytes("supervision/entries.jsonl", "log-excerpt", at, lines.toString().getBytes(StandardCharsets.UTF_8)));
        return entries;
    }

    private static ArchiveEntry bytes(String path, String kind, Instant at, byte[] content) {
        return new ArchiveEntry(path, kind, at, () -> new ByteArrayInputStream(content));
    }
}
