package org.sunbid.schedule.web;

import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "重新执行失败的定时任务 Run a failed firing again now")
    FiringRecord retry(@PathVariable long id) {
        try {
            return jobs.retry(id);
        } catch (NoSuchElementException e) {
            throw ProblemException.notFound("firing", id);
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("firing-not-failed", null, "schedule.firings.not-retryable", id);
        }
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
