package org.sunbid.schedule.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.ProblemException;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.FiringStatus;
import org.sunbid.scheduler.JobScheduler;

/** The scheduler's firing history for staff: pending, fired and, above all, failed firings. */
@RestController
@RequestMapping("/api/schedule/firings")
@Tag(name = "schedule", description = "统一时间安排 Scheduling")
class FiringController {

    private final JobScheduler jobs;

    FiringController(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "定时任务执行记录 Scheduled firings by status (default: failed)")
    List<FiringRecord> list(@RequestParam(defaultValue = "FAILED") Set<FiringStatus> status,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid("limit", "schedule.firings.limit");
        }
        return jobs.firings(status.isEmpty() ? EnumSet.of(FiringStatus.FAILED) : status, limit);
    }
}
