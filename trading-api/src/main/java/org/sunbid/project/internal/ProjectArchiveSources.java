package org.sunbid.project.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.archive.ArchiveSources;
import org.sunbid.archive.ArchiveSubject;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.archive.ArchiveEntry;
import tools.jackson.databind.json.JsonMapper;

/** The project's part of its archive package: what it is, every reviewed version, the opinions and the objections. */
@Component
class ProjectArchiveSources implements ArchiveSources {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final Projects projects;
    private final DocumentFiles files;
    private final Clock clock;

    ProjectArchiveSources(Projects projects, DocumentFiles files, Clock clock) {
        this.projects = projects;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public Optional<ArchiveSubject> describe(ProjectId project) {
        UUID projectId = project.value();
        return projects.find(projectId).map(p -> new ArchiveSubject(p.id(), p.transactionCode(), p.name(), p.type().name(),
                p.tendereeName(), clock.instant()));
    }

    @Override
    public List<ArchiveEntry> entriesFor(ProjectId id) {
        UUID projectId = id.value();
        Optional<ProjectView> project = projects.find(projectId);
        if (project.isEmpty()) {
            return List.of();
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        entries.add(json("project/project.json", "project", project.get(), project.get()));
        for (Projects.Version v : projects.versions(projectId)) {
            String base = "project/" + v.item().name().toLowerCase().replace('_', '-') + "/v" + v.version();
            if (v.body() != null) {
                byte[] body = v.body().getBytes(StandardCharsets.UTF_8);
                entries.add(new ArchiveEntry(base + ".txt", v.item().name(), v.createdAt(), () -> new ByteArrayInputStream(body)));
            }
            if (v.fileSha256() != null) {
                String extension = v.fileName() != null && v.fileName().contains(".")
                        ? v.fileName().substring(v.fileName().lastIndexOf('.')).replaceAll("[^A-Za-z0-9.]", "") : "";
                entries.add(new ArchiveEntry(base + "-" + v.fileSha256().substring(0, 12) + extension, v.item().name(),
                        v.createdAt(), () -> Files.newInputStream(files.path(v.fileSha256()))));
            }
        }
        entries.add(json("project/review-opinions.json", "review-opinions", projects.opinions(projectId), project.get()));
        entries.add(json("project/objections.json", "objections", projects.objections(projectId), project.get()));
        return entries;
    }

    private ArchiveEntry json(String path, String kind, Object value, ProjectView project) {
        Map<String, Object> wrapper = new LinkedHashMap<>();
        wrapper.put("transactionCode", project.transactionCode());
        wrapper.put(kind, value);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(wrapper);
        return new ArchiveEntry(path, kind, clock.instant(), () -> new ByteArrayInputStream(bytes));
    }
}
