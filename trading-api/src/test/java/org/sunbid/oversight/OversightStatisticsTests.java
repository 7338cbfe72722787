package org.sunbid.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.sunbid.project.IntakeFacts;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectType;

class OversightStatisticsTests {

    static IntakeFacts project(ProjectType type, String registeredAt) {
        return new IntakeFacts(UUID.randomUUID(), "T", "p", type, ProjectStatus.PUBLISHED, Instant.parse(registeredAt),
                null, List.of());
    }

    @Test
    void countsProjectsByChinaStandardTimeMonthAndType() {
        List<Statistics.ProjectsInMonth> months = OversightStatistics.byMonth(List.of(
                project(ProjectType.CONSTRUCTION, "2026-10-31T15:59:00Z"), // 23:59 on 31 October in Beijing
                project(ProjectType.CONSTRUCTION, "2026-10-31T16:00:00Z"), // 00:00 on 1 November in Beijing
                project(ProjectType.GOVERNMENT_PROCUREMENT, "2026-11-20T02:00:00Z"),
                project(ProjectType.CONSTRUCTION, "2026-11-21T02:00:00Z")));
        assertThat(months).containsExactly(
                new Statistics.ProjectsInMonth("2026-10", ProjectType.CONSTRUCTION, 1),
                new Statistics.ProjectsInMonth("2026-11", ProjectType.CONSTRUCTION, 2),
                new Statistics.ProjectsInMonth("2026-11", ProjectType.GOVERNMENT_PROCUREMENT, 1));
    }

    @Test
    void averagesDaysFromRegistrationToTheFirstAwardOverallAndPerType() {
        IntakeFacts a = project(ProjectType.CONSTRUCTION, "2026-01-01T00:00:00Z");
        IntakeFacts b = project(ProjectType.CONSTRUCTION, "2026-01-01T00:00:00Z");
        IntakeFacts c = project(ProjectType.GOVERNMENT_PROCUREMENT, "2026-01-01T00:00:00Z");
        IntakeFacts notAwarded = project(ProjectType.GOVERNMENT_PROCUREMENT, "2026-01-01T00:00:00Z");
        Statistics.IntakeToAward result = OversightStatistics.intakeToAward(List.of(a, b, c, notAwarded), Map.of(
                a.id(), Instant.parse("2026-01-31T00:00:00Z"), b.id(), Instant.parse("2026-02-10T12:00:00Z"),
                c.id(), Instant.parse("2026-01-21T00:00:00Z")));
        assertThat(result.awardedProjects()).isEqualTo(3);
        assertThat(result.averageDays()).isEqualTo(30.2); // (30 + 40.5 + 20) / 3 = 30.17
        assertThat(result.byType()).containsExactly(
                new Statistics.TypeAverage(ProjectType.CONSTRUCTION, 2, 35.3),
                new Statistics.TypeAverage(ProjectType.GOVERNMENT_PROCUREMENT, 1, 20.0));
        assertThat(OversightStatistics.intakeToAward(List.of(notAwarded), Map.of()).averageDays()).isNull();
    }

    @Test
    void thinsLongSeriesEvenlyKeepingTheFirstAndTheLastPoint() {
        List<Integer> points = IntStream.range(0, 1000).boxed().toList();
        List<Integer> thinned = OversightStatistics.thin(points, 400);
        assertThat(thinned).hasSize(400).startsWith(0).endsWith(999).isSorted();
        assertThat(OversightStatistics.thin(List.of(1, 2, 3), 400)).containsExactly(1, 2, 3);
    }
}
