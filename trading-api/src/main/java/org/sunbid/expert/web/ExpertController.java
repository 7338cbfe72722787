package org.sunbid.expert.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.expert.CommitteeViews;
import org.sunbid.expert.ConflictId;
import org.sunbid.expert.ExpertAnswers;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.expert.ExpertStatus;
import org.sunbid.expert.SeatId;
import org.sunbid.expert.SeatState;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.MemberId;

/** The expert library for staff, and an expert's own entry, conflicts, leave and invitations. */
@RestController
@RequestMapping("/api/experts")
@Tag(name = "experts", description = "专家库 Expert library")
class ExpertController {

    private final ExpertLibrary library;
    private final ExpertAnswers answers;
    private final CommitteeViews views;

    ExpertController(ExpertLibrary library, ExpertAnswers answers, CommitteeViews views) {
        this.library = library;
        this.answers = answers;
        this.views = views;
    }

    record StatusBody(ExpertStatus status, String reason) {
    }

    record ProfileBody(String region, List<String> specialties, String email) {
    }

    record ConflictBody(String uscc, String reason) {
    }

    record LeaveBody(Instant startsAt, Instant endsAt, String reason) {
    }

    record DeclineBody(String reason) {
    }

    @GetMapping("/specialties")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "专业分类 Specialty codes")
    List<ExpertLibrary.SpecialtyView> specialties() {
        return library.specialties();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "专家入库 Admit an approved expert member to the library")
    ExpertLibrary.ExpertView admit(CurrentUser staff, @RequestBody ExpertLibrary.Admission body) {
        return library.admit(body, staff.account());
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "专家列表 Experts of the library")
    List<ExpertLibrary.ExpertView> list(@RequestParam(required = false) ExpertStatus status,
            @RequestParam(required = false) String specialty, @RequestParam(defaultValue = "100") int limit) {
        return library.list(status, specialty, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "专家详情 One expert with statistics")
    ExpertLibrary.ExpertView get(@PathVariable UUID id) {
        return library.find(new MemberId(id));
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "暂停、恢复或退出 Suspend, reinstate or retire an expert")
    ExpertLibrary.ExpertView status(CurrentUser staff, @PathVariable UUID id, @RequestBody StatusBody body) {
        return library.changeStatus(new MemberId(id), body.status(), body.reason(), staff.account());
    }

    @GetMapping("/me")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "我的专家信息 My library entry")
    ExpertLibrary.ExpertView me(CurrentUser expert) {
        return library.find(new MemberId(expert.requireMember()));
    }

    @PutMapping("/me")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "修改专业、地区或邮箱 Change my specialties, region or e-mail")
    ExpertLibrary.ExpertView change(CurrentUser expert, @RequestBody ProfileBody body) {
        return library.changeProfile(new MemberId(expert.requireMember()), body.region(), body.specialties(),
                body.email(), expert.account());
    }

    @PostMapping("/me/conflicts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "申报回避单位 Declare a company to avoid")
    LibraryStore.Conflict declare(CurrentUser expert, @RequestBody ConflictBody body) {
        return library.declareConflict(new MemberId(expert.requireMember()), body.uscc(), body.reason());
    }

    @DeleteMapping("/me/conflicts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "撤回回避申报 Withdraw a declared conflict")
    void withdraw(CurrentUser expert, @PathVariable UUID id) {
        library.withdrawConflict(new MemberId(expert.requireMember()), new ConflictId(id));
    }

    @GetMapping("/me/leave")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "我的请假 My leave periods")
    List<LibraryStore.Leave> leaves(CurrentUser expert) {
        return library.leaves(new MemberId(expert.requireMember()));
    }

    @PostMapping("/me/leave")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "请假 Declare a leave period")
    LibraryStore.Leave leave(CurrentUser expert, @RequestBody LeaveBody body) {
        return library.declareLeave(new MemberId(expert.requireMember()), body.startsAt(), body.endsAt(), body.reason());
    }

    @GetMapping("/me/invitations")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "我的抽取通知 My invitations")
    List<CommitteeViews.InvitationView> invitations(CurrentUser expert) {
        return views.invitations(expert);
    }

    @PostMapping("/me/invitations/{seat}/accept")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "确认参加 Accept an invitation")
    Map<String, SeatState> accept(CurrentUser expert, @PathVariable UUID seat) {
        return Map.of("state", answers.accept(expert, SeatId.of(seat)));
    }

    @PostMapping("/me/invitations/{seat}/decline")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "拒绝参加（须说明理由） Decline an invitation, with a reason")
    Map<String, SeatState> decline(CurrentUser expert, @PathVariable UUID seat, @RequestBody DeclineBody body) {
        return Map.of("state", answers.decline(expert, SeatId.of(seat), body == null ? null : body.reason()));
    }
}
