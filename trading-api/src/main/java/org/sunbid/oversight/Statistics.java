package org.sunbid.oversight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sunbid.project.ProjectType;

/**
 * The regulators' dashboard figures at one moment.
 *
 * @param projectsByMonth projects past the draft stage by registration month (China Standard Time) and type
 * @param bidsPerLot      live bids of each lot of a published project, newest projects first (at most {@link #MAX_LOTS})
 * @param intakeToAward   days from a project's registration to its first award notice, overall and per type
 * @param logGrowth       size of the supervision log at each signed tree head (evenly thinned to at most
 *                        {@link #MAX_GROWTH_POINTS}, the latest always kept)
 */
public record Statistics(Instant generatedAt, List<ProjectsInMonth> projectsByMonth, List<LotBids> bidsPerLot,
        IntakeToAward intakeToAward, List<LogSize> logGrowth) {

    public static final int MAX_LOTS = 60;
    public static final int MAX_GROWTH_POINTS = 400;

    public record ProjectsInMonth(String month, ProjectType type, long projects) {
    }

    public record LotBids(UUID projectId, String transactionCode, String projectName, UUID lotId, int lotNumber,
            String lotName, long bids) {
    }

    /** averageDays is null when no project has an award notice yet. */
    public record IntakeToAward(long awardedProjects, Double averageDays, List<TypeAverage> byType) {
    }

    public record TypeAverage(ProjectType type, long awardedProjects, double averageDays) {
    }

    public record LogSize(Instant at, long treeSize) {
    }
}
