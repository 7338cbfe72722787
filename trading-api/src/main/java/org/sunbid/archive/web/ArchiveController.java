package org.sunbid.archive.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.archive.ArchiveManagement;
import org.sunbid.archive.ArchivePackageId;
import org.sunbid.archive.ArchivePackageInfo;
import org.sunbid.archive.ArchiveReason;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;

/** Archive packages for staff and regulators: build on demand, search, download. There is no update or delete. */
@RestController
@RequestMapping("/api/archives")
@Tag(name = "archives", description = "交易资料归档 Archive packages")
class ArchiveController {

    private final ArchiveManagement archives;

    ArchiveController(ArchiveManagement archives) {
        this.archives = archives;
    }

    record BuildRequest(@NotNull UUID projectId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "按需归档 Build a project's archive package now")
    ArchivePackageInfo build(@Valid @RequestBody BuildRequest request, CurrentUser user) {
        return archives.build(ProjectId.of(request.projectId()), ArchiveReason.ON_DEMAND, user.account());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "检索归档包 Search packages by project, tenderee, type and completion date")
    List<ArchivePackageInfo> search(@RequestParam(required = false) String projectCode,
            @RequestParam(required = false) String tenderee, @RequestParam(required = false) String projectType,
            @RequestParam(required = false) Instant completedFrom, @RequestParam(required = false) Instant completedTo,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return archives.search(projectCode, tenderee, projectType, completedFrom, completedTo, page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "归档包信息 A package's catalogue entry")
    ArchivePackageInfo find(@PathVariable UUID id) {
        return archives.find(ArchivePackageId.of(id)).orElseThrow(() -> ProblemException.notFound("archive", id));
    }

    @GetMapping("/{id}/zip")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "下载归档包（记录访问） Download a package; the read is logged")
    ResponseEntity<Resource> download(@PathVariable UUID id, CurrentUser user) {
        Path file = archives.open(ArchivePackageId.of(id), user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("sunbid-archive-" + id + ".zip").build().toString())
                .body(new FileSystemResource(file));
    }
}
