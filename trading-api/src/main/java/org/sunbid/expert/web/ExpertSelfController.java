package org.sunbid.expert.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.expert.ExpertSelfService;
import org.sunbid.expert.LeaveId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.MemberId;

/** An expert's own pages: its entry by name, its conflicts in force, withdrawing leave, its history and cap. */
@RestController
@RequestMapping("/api/experts/me")
@Tag(name = "experts", description = "专家库 Expert library")
@PreAuthorize("hasRole('EXPERT')")
class ExpertSelfController {

    private final ExpertSelfService self;

    ExpertSelfController(ExpertSelfService self) {
        this.self = self;
    }

    @GetMapping("/profile")
    @Operation(summary = "我的专家档案（专业、职称、单位、地区均显示名称） My entry, with names instead of codes")
    ExpertSelfService.Profile profile(CurrentUser expert) {
        return self.profile(new MemberId(expert.requireMember()));
    }

    @GetMapping("/conflicts")
    @Operation(summary = "我的回避单位 My declared conflicts in force, with the companies' names")
    List<ExpertSelfService.Conflict> conflicts(CurrentUser expert) {
        return self.conflicts(new MemberId(expert.requireMember()));
    }

    @DeleteMapping("/leave/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "撤回请假 Withdraw a leave period (kept on record, logged)")
    void withdrawLeave(CurrentUser expert, @PathVariable UUID id) {
        self.withdrawLeave(new MemberId(expert.requireMember()), new LeaveId(id));
    }

    @GetMapping("/history")
    @Operation(summary = "我的抽取记录与频次上限 My draws, answers and the frequency cap's state")
    ExpertSelfService.History history(CurrentUser expert) {
        return self.history(new MemberId(expert.requireMember()));
    }
}
