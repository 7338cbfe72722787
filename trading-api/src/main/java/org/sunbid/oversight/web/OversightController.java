package org.sunbid.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.oversight.OversightStatistics;
import org.sunbid.oversight.Statistics;

/** Read-only figures for the regulators' dashboard. */
@RestController
@RequestMapping("/api/oversight")
@Tag(name = "oversight", description = "监管统计 Oversight statistics")
class OversightController {

    private final OversightStatistics statistics;

    OversightController(OversightStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/statistics")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "统计看板数据 Projects by type per month, bids per lot, days from intake to award, log growth")
    Statistics statistics() {
        return statistics.statistics();
    }
}
