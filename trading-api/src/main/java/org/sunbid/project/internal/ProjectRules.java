package org.sunbid.project.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sunbid.identity.Role;
import org.sunbid.project.Procedure;
import org.sunbid.project.ProjectType;

/**
 * Statutory rules, configurable per procedure under {@code sunbid.project.rules}. Defaults follow the Tendering
 * and Bidding Law and its regulations: 20 days from issuing tender documents to the deadline and 5 days on sale (open
 * and invited tenders), 15 days after a bid-affecting clarification, deposit ≤ 2 % of the lot estimate, objections
 * until 10 days before the deadline answered within 3 days.
 *
 * @param bidPeriodDays        minimum days from issuing the documents to the bid deadline, per procedure
 * @param saleDays             minimum days the documents are on sale, per procedure
 * @param clarificationDays    a bid-affecting clarification must precede the deadline by this many days
 * @param depositPercent       maximum deposit as a percentage of the lot estimate
 * @param objectionDays        objections to the documents close this many days before the deadline
 * @param objectionAnswerDays  days to answer an objection
 * @param reviewers            roles whose approval publication needs, per project type
 */
@ConfigurationProperties("sunbid.project.rules")
public record ProjectRules(Map<Procedure, Integer> bidPeriodDays, Map<Procedure, Integer> saleDays,
        @DefaultValue("15") int clarificationDays, @DefaultValue("2") BigDecimal depositPercent,
        @DefaultValue("10") int objectionDays, @DefaultValue("3") int objectionAnswerDays,
        Map<ProjectType, java.util.List<Role>> reviewers) {

    public ProjectRules {
        Map<Procedure, Integer> bid = new EnumMap<>(Map.of(Procedure.OPEN, 20, Procedure.INVITED, 20));
        if (bidPeriodDays != null) {
            bid.putAll(bidPeriodDays);
        }
        bidPeriodDays = Map.copyOf(bid);
        Map<Procedure, Integer> sale = new EnumMap<>(Map.of(Procedure.OPEN, 5, Procedure.INVITED, 5));
        if (saleDays != null) {
            sale.putAll(saleDays);
        }
        saleDays = Map.copyOf(sale);
        Map<ProjectType, java.util.List<Role>> r = new EnumMap<>(ProjectType.class);
        for (ProjectType t : ProjectType.values()) {
            r.put(t, java.util.List.of(Role.STAFF, Role.REGULATOR));
        }
        if (reviewers != null) {
            r.putAll(reviewers);
        }
        reviewers = Map.copyOf(r);
    }

    public static ProjectRules defaults() {
        return new ProjectRules(null, null, 15, new BigDecimal("2"), 10, 3, null);
    }

    public Optional<Duration> minimumBidPeriod(Procedure p) {
        return Optional.ofNullable(bidPeriodDays.get(p)).map(Duration::ofDays);
    }

    public Optional<Duration> minimumSalePeriod(Procedure p) {
        return Optional.ofNullable(saleDays.get(p)).map(Duration::ofDays);
    }

    public BigDecimal maximumDeposit(BigDecimal estimate) {
        return estimate.multiply(depositPercent).movePointLeft(2);
    }

    /** The deadline after a bid-affecting clarification issued at {@code issuedAt}: unchanged or pushed out (to a whole minute). */
    public Instant deadlineAfterClarification(Instant deadline, Instant issuedAt) {
        Instant exact = issuedAt.plus(Duration.ofDays(clarificationDays));
        Instant minute = exact.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant earliest = minute.equals(exact) ? exact : minute.plusSeconds(60); // whole minutes, never earlier
        return deadline.isBefore(exact) ? earliest : deadline;
    }

    public Instant objectionsCloseAt(Instant deadline) {
        return deadline.minus(Duration.ofDays(objectionDays));
    }
}
