package org.sunbid.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.opening.OpenedBids;
import org.sunbid.platform.id.LotId;
import org.sunbid.project.IntakeFacts;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectType;
import org.sunbid.supervision.SupervisionLog;

/**
 * Computes the regulators' dashboard figures by asking the project, bid, notice and supervision features' public
 * services; it owns no table and changes nothing.
 */
@Service
public class OversightStatistics {

    static final ZoneId CHINA = org.sunbid.platform.PlatformZone.ZONE;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final int NOTICE_PAGE = 500;

    private final ProjectManagement projects;
    private final OpenedBids bids;
    private final NoticeManagement notices;
    private final SupervisionLog log;
    private final Clock clock;

    OversightStatistics(ProjectManagement projects, OpenedBids bids, NoticeManagement notices, SupervisionLog log,
            Clock clock) {
        this.projects = projects;
        this.bids = bids;
        this.notices = notices;
        this.log = log;
        this.clock = clock;
    }

    public Statistics statistics() {
        List<IntakeFacts> facts = projects.intakeFacts();
        return new Statistics(clock.instant(), byMonth(facts), bidsPerLot(facts), intakeToAward(facts), growth());
    }

    static List<Statistics.ProjectsInMonth> byMonth(List<IntakeFacts> facts) {
        TreeMap<String, TreeMap<ProjectType, Long>> months = new TreeMap<>();
        for (IntakeFacts p : facts) {
            String month = MONTH.format(p.registeredAt().atZone(CHINA));
            months.computeIfAbsent(month, m -> new TreeMap<>()).merge(p.type(), 1L, Long::sum);
        }
        List<Statistics.ProjectsInMonth> out = new ArrayList<>();
        months.forEach((month, types) -> types.forEach((type, n) -> out.add(new Statistics.ProjectsInMonth(month, type, n))));
        return out;
    }

    private List<Statistics.LotBids> bidsPerLot(List<IntakeFacts> facts) {
        Map<LotId, Long> counts = bids.bidsPerOpenedLot();
        List<Statistics.LotBids> out = new ArrayList<>();
        List<IntakeFacts> newestFirst = facts.stream()
                .filter(p -> p.lots().stream().anyMatch(l -> counts.containsKey(LotId.of(l.id()))))
                .sorted(Comparator.comparing(IntakeFacts::registeredAt).reversed()).toList();
        for (IntakeFacts p : newestFirst) {
            for (var lot : p.lots()) {
                if (!counts.containsKey(LotId.of(lot.id()))) {
                    continue; // not opened yet: its bid count is secret
                }
                if (out.size() == Statistics.MAX_LOTS) {
                    return out;
                }
                out.add(new Statistics.LotBids(p.id(), p.transactionCode(), p.name(), lot.id(), lot.number(), lot.name(),
                        counts.get(LotId.of(lot.id()))));
            }
        }
        return out;
    }

    private Statistics.IntakeToAward intakeToAward(List<IntakeFacts> facts) {
        Map<UUID, Instant> firstAward = new HashMap<>();
        Optional<Long> before = Optional.empty();
        while (true) {
            List<Notice> page = notices.latest(Optional.of(NoticeKind.AWARD), Optional.empty(), before, NOTICE_PAGE, false);
            for (Notice n : page) {
                if (n.projectId() != null) {
                    firstAward.merge(n.projectId(), n.publishedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (page.size() < NOTICE_PAGE) {
                break;
            }
            before = Optional.of(page.get(page.size() - 1).seq());
        }
        return intakeToAward(facts, firstAward);
    }

    static Statistics.IntakeToAward intakeToAward(List<IntakeFacts> facts, Map<UUID, Instant> firstAward) {
        TreeMap<ProjectType, double[]> byType = new TreeMap<>();
        double total = 0;
        long n = 0;
        for (IntakeFacts p : facts) {
            Instant award = firstAward.get(p.id());
            if (award == null || award.isBefore(p.registeredAt())) {
                continue;
            }
            double days = Duration.between(p.registeredAt(), award).toSeconds() / 86_400.0;
            total += days;
            n++;
            double[] sum = byType.computeIfAbsent(p.type(), t -> new double[2]);
            sum[0] += days;
            sum[1]++;
        }
        List<Statistics.TypeAverage> types = new ArrayList<>();
        byType.forEach((type, sum) -> types.add(new Statistics.TypeAverage(type, (long) sum[1], round(sum[0] / sum[1]))));
        return new Statistics.IntakeToAward(n, n == 0 ? null : round(total / n), types);
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }

    private List<Statistics.LogSize> growth() {
        return thin(log.growth().stream().map(h -> new Statistics.LogSize(h.at(), h.treeSize())).toList(),
                Statistics.MAX_GROWTH_POINTS);
    }

    /** At most max points, evenly spaced over the list, the first and the last always kept. */
    static <T> List<T> thin(List<T> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        List<T> out = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            out.add(points.get((int) Math.round((double) i * (points.size() - 1) / (max - 1))));
        }
        return out;
    }
}
