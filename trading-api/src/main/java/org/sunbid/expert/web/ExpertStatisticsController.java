package org.sunbid.expert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.expert.ExpertStatistics;

/** The regulator's draw statistics. */
@RestController
@Tag(name = "experts", description = "专家库 Expert library")
class ExpertStatisticsController {

    private final ExpertStatistics statistics;

    ExpertStatisticsController(ExpertStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/experts/statistics")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "专家抽取统计：抽取次数分布、按专业和地区的拒绝率、缺席 Draw statistics (counts only)")
    ExpertStatistics.Statistics statistics(@RequestParam(defaultValue = "365") int days) {
        return statistics.statistics(days);
    }
}
