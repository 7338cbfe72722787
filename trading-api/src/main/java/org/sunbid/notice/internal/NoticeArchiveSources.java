package org.sunbid.notice.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveEntry;
import tools.jackson.databind.json.JsonMapper;

/** Every notice of the project, as published, in its archive package. */
@Component
class NoticeArchiveSources implements ArchiveSources {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final NoticeManagement notices;

    NoticeArchiveSources(NoticeManagement notices) {
        this.notices = notices;
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId project) {
        UUID projectId = project.value();
        return notices.ofProject(project).stream().map(this::entry).toList();
    }

    private ArchiveEntry entry(Notice notice) {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(notice);
        return new ArchiveEntry("notices/" + notice.publicId() + "-" + notice.kind().slug() + ".json", notice.kind().slug(),
                notice.publishedAt(), () -> new ByteArrayInputStream(bytes));
    }
}
