package org.sunbid.project.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.sunbid.identity.CurrentUser;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.DocumentDownload;
import org.sunbid.project.DocumentFile;
import org.sunbid.project.Objection;
import org.sunbid.project.ObjectionId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectObjections;
import org.sunbid.project.ProjectPublication;
import org.sunbid.project.ProjectReview;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;
import org.sunbid.project.ReviewItem;
import org.sunbid.project.TenderDocuments;

/** Intake, joint review, publication, clarifications, objections and tender documents of projects. */
@RestController
@Tag(name = "projects", description = "项目进场与会审 Project intake and joint review")
class ProjectController {

    private final ProjectManagement projects;
    private final ProjectReview review;
    private final ProjectPublication publication;
    private final ProjectObjections objections;
    private final TenderDocuments documents;
    private final JdbcClient jdbc;

    ProjectController(ProjectManagement projects, ProjectReview review, ProjectPublication publication,
            ProjectObjections objections, TenderDocuments documents, JdbcClient jdbc) {
        this.projects = projects;
        this.review = review;
        this.publication = publication;
        this.objections = objections;
        this.documents = documents;
        this.jdbc = jdbc;
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    record Text(@NotBlank @Size(max = 20000) String text) {
    }

    record Opinion(@NotNull ReviewItem item, @NotNull Integer version, @NotNull Decision decision,
            @Size(max = 4000) String comment) {
        enum Decision { APPROVE, RETURN }
    }

    record Clarification(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 20000) String body,
            boolean affectsBids, UUID corrects) {
    }

    record ObjectionText(@NotBlank @Size(max = 4000) String text) {
    }

    record Answer(@NotBlank @Size(max = 4000) String answer) {
    }

    record Uploaded(int version) {
    }

    record Published(String publicId, String permalink, UUID noticeId) {
        static Published of(Notice n) {
            return new Published(n.publicId(), n.permalink(), n.id());
        }
    }

    record ClassificationCode(String code, String nameZh, String nameEn) {
    }

    @PostMapping("/api/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "项目登记 Register a project (draft)")
    ProjectView register(CurrentUser user, @Valid @RequestBody Registration registration) {
        return projects.register(user, registration);
    }

    @GetMapping("/api/projects")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "项目列表 Projects the caller may see")
    List<ProjectView> list(CurrentUser user) {
        return projects.list(user);
    }

    @GetMapping("/api/projects/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "项目详情 A project")
    ProjectView read(CurrentUser user, @PathVariable UUID id) {
        return projects.find(user, ProjectId.of(id));
    }

    @PostMapping("/api/projects/{id}/submit")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "提交进场 Submit the project to the centre")
    ProjectView submit(CurrentUser user, @PathVariable UUID id) {
        return projects.submit(user, ProjectId.of(id));
    }

    @PostMapping("/api/projects/{id}/accept")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "进场登记 Accept the project into the centre")
    ProjectView accept(CurrentUser user, @PathVariable UUID id) {
        return projects.accept(user, ProjectId.of(id));
    }

    @PostMapping("/api/projects/{id}/return")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "退回 Return the project with a reason")
    ProjectView returnProject(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return projects.returnProject(user, ProjectId.of(id), reason.reason());
    }

    @PostMapping(path = "/api/projects/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "上传招标文件（新版本）Upload a new version of the tender documents")
    Uploaded upload(CurrentUser user, @PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new Uploaded(review.uploadTenderDocuments(user, ProjectId.of(id), file.getOriginalFilename(), file.getContentType(), in));
        }
    }

    @GetMapping("/api/projects/{id}/documents")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "下载招标文件 Download the tender documents (recorded)")
    ResponseEntity<Resource> download(CurrentUser user, @PathVariable UUID id) throws IOException {
        DocumentFile f = documents.downloadTenderDocuments(user, ProjectId.of(id));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("Digest", "sha-256=" + f.sha256())
                .contentType(MediaType.parseMediaType(f.contentType())).contentLength(f.size())
                .body(new InputStreamResource(Files.newInputStream(f.path())));
    }

    @PutMapping("/api/projects/{id}/announcement")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "修改公告（新版本）Revise the announcement as a new version")
    Uploaded revise(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Text text) {
        return new Uploaded(review.reviseAnnouncement(user, ProjectId.of(id), text.text()));
    }

    @GetMapping("/api/projects/{id}/review")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "会审记录 Versions and opinions side by side")
    ProjectReview.ReviewSheet review(CurrentUser user, @PathVariable UUID id) {
        return review.reviewSheet(user, ProjectId.of(id));
    }

    @PostMapping("/api/projects/{id}/review")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    @Operation(summary = "会审意见 Approve or return the latest version of an item")
    ProjectReview.ReviewSheet opinion(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Opinion o) {
        return review.review(user, ProjectId.of(id), o.item(), o.version(), o.decision() == Opinion.Decision.APPROVE, o.comment());
    }

    @PostMapping("/api/projects/{id}/publish")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF')")
    @Operation(summary = "发布招标公告（幂等）Publish the tender announcement (idempotent)")
    Published publish(CurrentUser user, @PathVariable UUID id) {
        return Published.of(publication.publish(user, ProjectId.of(id)));
    }

    @PostMapping("/api/projects/{id}/clarifications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "澄清或修改 Publish a clarification or amendment; may move the deadline")
    Map<String, Object> clarify(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Clarification c) {
        ProjectPublication.ClarificationOutcome o = publication.clarify(user, ProjectId.of(id), c.title(), c.body(), c.affectsBids(),
                c.corrects() == null ? null : NoticeId.of(c.corrects()));
        return Map.of("notice", Published.of(o.notice()), "deadlineMoved", o.deadlineMoved(), "bidDeadline",
                o.bidDeadline(), "openingAt", o.openingAt());
    }

    @PostMapping("/api/projects/{id}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "对招标文件提出异议 Object to the tender documents")
    Objection object(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody ObjectionText o) {
        return objections.fileObjection(user, ProjectId.of(id), o.text());
    }

    @GetMapping("/api/projects/{id}/objections")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "异议列表 Objections")
    List<Objection> objections(CurrentUser user, @PathVariable UUID id) {
        return objections.objections(user, ProjectId.of(id));
    }

    @PostMapping("/api/projects/{id}/objections/{objectionId}/answer")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT')")
    @Operation(summary = "答复异议 Answer an objection")
    ResponseEntity<Void> answer(CurrentUser user, @PathVariable UUID id, @PathVariable UUID objectionId,
            @Valid @RequestBody Answer a) {
        objections.answerObjection(user, ProjectId.of(id), ObjectionId.of(objectionId), a.answer());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/projects/{id}/downloads")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','REGULATOR','ADMIN')")
    @Operation(summary = "招标文件下载记录（截止后可见）Who downloaded the documents (sealed until the deadline)")
    List<DocumentDownload> downloads(CurrentUser user, @PathVariable UUID id) {
        return documents.downloads(user, ProjectId.of(id));
    }

    @GetMapping("/api/public/classification-codes")
    @Operation(summary = "品目代码表 Classification codes")
    List<ClassificationCode> codes() {
        return jdbc.sql("select code, name_zh, name_en from classification_code order by code")
                .query((rs, i) -> new ClassificationCode(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
