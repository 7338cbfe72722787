package org.sunbid.expert.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.expert.CommitteePlans;
import org.sunbid.expert.CommitteeRepresentatives;
import org.sunbid.expert.CommitteeViews;
import org.sunbid.expert.ExpertDraws;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** A lot's committee: its plan, the draw, its state (names sealed) and the signed draw records. */
@RestController
@RequestMapping("/api/projects/{project}/lots/{lot}")
@Tag(name = "committee", description = "统一专家抽取 Expert draw")
class CommitteeController {

    private final CommitteePlans plans;
    private final ExpertDraws draws;
    private final CommitteeViews views;

    private final CommitteeRepresentatives representatives;

    CommitteeController(CommitteePlans plans, ExpertDraws draws, CommitteeViews views,
            CommitteeRepresentatives representatives) {
        this.representatives = representatives;
        this.plans = plans;
        this.draws = draws;
        this.views = views;
    }

    /** A regulator's reason for reading the sealed names: at least ten characters, logged with the access. */
    record DisclosureBody(@NotBlank @Size(min = 10, max = 1000) String reason) {
    }

    @PutMapping("/committee-plan")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF')")
    @Operation(summary = "评标委员会组建方案 Set the lot's committee plan (before publication)")
    CommitteePlans.PlanView setPlan(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot,
            @RequestBody CommitteePlans.PlanInput body) {
        return plans.set(user, ProjectId.of(project), LotId.of(lot), body);
    }

    /** The member account for a representative seat: the named person's own, or a substitute's after a recusal. */
    record RepresentativeBody(@NotNull UUID member) {
    }

    @PutMapping("/committee/representatives/{position}")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF')")
    @Operation(summary = "招标人代表账号或替补 Give a representative seat its holder's account, or name a substitute after a declared conflict")
    CommitteeViews.RepresentativeView nameRepresentative(CurrentUser user, @PathVariable UUID project,
            @PathVariable UUID lot, @PathVariable int position, @Valid @RequestBody RepresentativeBody body) {
        return representatives.name(user, ProjectId.of(project), LotId.of(lot), position, new MemberId(body.member()));
    }

    @GetMapping("/committee-plan")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "组建方案与可抽专家数 The plan with today's eligible pool per group")
    CommitteePlans.PlanView plan(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot) {
        return plans.find(user, ProjectId.of(project), LotId.of(lot));
    }

    @PostMapping("/expert-draw")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "抽取专家 Draw the committee now (after the opening)")
    ExpertDraws.DrawSummary draw(@PathVariable UUID project, @PathVariable UUID lot) {
        return draws.draw(ProjectId.of(project), LotId.of(lot));
    }

    @GetMapping("/committee")
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "评标委员会状态（评标前不显示姓名） Committee state; names sealed until the evaluation")
    CommitteeViews.CommitteeView committee(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot) {
        return views.committee(user, ProjectId.of(project), LotId.of(lot));
    }

    @PostMapping("/committee/disclosure")
    @PreAuthorize("hasRole('REGULATOR')")
    @Operation(summary = "监管查看专家名单（须说明理由，记入监察日志） Regulator reads the names, with a logged reason")
    CommitteeViews.CommitteeView disclose(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot,
            @Valid @RequestBody DisclosureBody body) {
        return views.disclose(user, ProjectId.of(project), LotId.of(lot), body.reason());
    }

    @GetMapping(value = "/committee/draw-records", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "抽取记录（签名、时间戳） Signed draw records: regulators at once, others after the evaluation starts")
    ResponseEntity<String> records(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot) {
        return ResponseEntity.ok(
                "[" + String.join(",", views.drawRecords(user, ProjectId.of(project), LotId.of(lot))) + "]");
    }

    @GetMapping(value = "/committee/draw-pool", produces = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "抽取专家池文件（供 bidtool draw-verify --pool） The pool file the draw records name by SHA-256")
    ResponseEntity<byte[]> pool(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"pool.txt\"")
                .contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body(views.drawPool(user, ProjectId.of(project), LotId.of(lot))
                        .orElseThrow(() -> ProblemException.notFound("draw pool", lot)));
    }

    @GetMapping(value = "/committee/draw-records/{sequence}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('TENDEREE','AGENT','STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "一次抽取的记录（供 bidtool draw-verify） One draw record, the file bidtool draw-verify reads")
    ResponseEntity<String> record(CurrentUser user, @PathVariable UUID project, @PathVariable UUID lot,
            @PathVariable int sequence) {
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"draw-" + sequence + ".json\"")
                .body(views.drawRecord(user, ProjectId.of(project), LotId.of(lot), sequence)
                        .orElseThrow(() -> ProblemException.notFound("draw record", sequence)));
    }
}
