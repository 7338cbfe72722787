package org.sunbid.supervision.web;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.supervision.LogActors;
import org.sunbid.supervision.LogEntry;
import org.sunbid.supervision.LogQuery;
import org.sunbid.supervision.SignedTreeHead;
import org.sunbid.supervision.SupervisionLog;
import org.sunbid.supervision.VerificationReport;

/** The supervision log for regulators and administrators (staff may see tree heads and consistency proofs). */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "supervision", description = "电子监察 Supervision log")
class SupervisionController {

    private final SupervisionLog log;
    private final LogActors actors;

    SupervisionController(SupervisionLog log, LogActors actors) {
        this.log = log;
        this.actors = actors;
    }

    @GetMapping("/actors")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "操作人姓名（按编号）或按名称查找操作人 Actors named by id, or found by name for the picker")
    Collection<LogActors.Actor> actors(@RequestParam(required = false)
            @Size(max = LogActors.MAX_IDS, message = "{supervision.actors.too-many.edge}") List<String> id,
            @RequestParam(required = false) @Size(max = 200, message = "{supervision.actors.q.too-long}") String q) {
        return id != null ? actors.name(id).values() : actors.find(q, 20);
    }

    @GetMapping("/tree-head")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "最新签名树头 Latest signed tree head")
    SignedTreeHead latest() {
        return log.latestTreeHead().orElseThrow(() -> ProblemException.notFound("tree-head", "latest"));
    }

    @PostMapping("/tree-head")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "立即签发树头 Sign a tree head now")
    SignedTreeHead issue(CurrentUser user) {
        return log.issueTreeHeadNow(user.account());
    }

    @GetMapping("/entries/{seq}")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "日志条目及包含证明 An entry with its inclusion proof")
    SupervisionLog.ProvenEntry entry(CurrentUser user, @PathVariable @PositiveOrZero(message = SEQ) long seq,
            @RequestParam(required = false) @PositiveOrZero(message = SEQ) Long treeSize) {
        return log.entry(seq, treeSize, user.account());
    }

    @GetMapping("/entries/{seq}/sealed")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "开标前密封的条目细节（开标后揭示并核对承诺） Details sealed until the opening, revealed and checked after it")
    org.sunbid.supervision.SealedDetails sealed(CurrentUser user, @PathVariable @PositiveOrZero(message = SEQ) long seq) {
        return log.sealedDetails(seq, user.account());
    }

    @GetMapping("/consistency")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "两个树头之间的一致性证明 Consistency proof between two signed tree sizes")
    SupervisionLog.ProvenConsistency consistency(CurrentUser user, @RequestParam long first,
            @RequestParam long second) {
        return log.consistency(first, second, user.account());
    }

    @GetMapping("/entries")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "按对象、涉及的项目、操作人、动作、时间查询日志 Filtered listing (mentions = any id, e.g. a project)")
    List<LogEntry> list(CurrentUser user, @RequestParam(required = false) String subject,
            @RequestParam(required = false) @Pattern(regexp = UUID_TEXT, message = "{supervision.query.mentions}") String mentions,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @PositiveOrZero(message = "{supervision.query.page}") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "{supervision.query.size}")
            @Max(value = 500, message = "{supervision.query.size}") int size) {
        return log.list(new LogQuery(blank(subject), blank(mentions), blank(actor), blank(action), from, to, page, size),
                user.account());
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "导出区间（JSON Lines，含证明） Export [from, to) as JSON lines with proofs")
    ResponseEntity<byte[]> export(CurrentUser user, @RequestParam @PositiveOrZero(message = SEQ) long from,
            @RequestParam long to) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        log.export(from, to, user.account(), buffer);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"supervision-" + from + "-" + to + ".jsonl\"")
                .body(buffer.toByteArray());
    }

    @PostMapping("/verification")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "重新计算并核对整个日志 Recompute and check the whole log")
    VerificationReport verify() {
        return log.verify();
    }

    @GetMapping("/completeness")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "每项投标、公告、文件、归档、项目是否都有日志条目 Does every recorded act have its entry (names the missing)")
    org.sunbid.supervision.CompletenessReport completeness(CurrentUser user) {
        return log.completeness(user.account());
    }

    static final String SEQ = "{supervision.seq.negative}";
    /** A UUID in its canonical text form, blanks around tolerated (blank means no filter). */
    static final String UUID_TEXT = "\\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?\\s*";

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
