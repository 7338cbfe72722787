package org.sunbid.expert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.expert.internal.StatisticsStore;
import org.sunbid.platform.ProblemException;

/**
 * The regulator's statistics of the draw: how often each expert is drawn (a distribution, never who), and how drawn
 * experts answered, by specialty, by province and by month. Empty lists when nobody was drawn in the period.
 */
@Service
@Transactional(readOnly = true)
public class ExpertStatistics {

    static final int MAX_DAYS = 3660;

    private final StatisticsStore store;
    private final LibraryStore library;
    private final Clock clock;

    ExpertStatistics(StatisticsStore store, LibraryStore library, Clock clock) {
        this.store = store;
        this.library = library;
        this.clock = clock;
    }

    /** Answers of one specialty, province or month, with its name; rates are shares of {@code asked}. */
    public record Row(String key, String name, int asked, int accepted, int declined, int noAnswer, int noShows,
            double declineRate, double noShowRate) {
    }

    public record Statistics(Instant since, int days, long experts, int asked, List<StatisticsStore.Bucket> drawsPerExpert,
            List<Row> bySpecialty, List<Row> byProvince, List<Row> byMonth) {
    }

    public Statistics statistics(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw ProblemException.invalid("days", "expert.statistics.days", MAX_DAYS);
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        Map<String, LibraryStore.Specialty> specialties = library.specialties();
        List<Row> bySpecialty = rows(store.bySpecialty(since), code -> {
            LibraryStore.Specialty s = specialties.get(code);
            return s == null ? code : s.nameZh();
        });
        List<Row> byProvince = rows(store.byProvince(since), ExpertSelfService::regionName);
        List<Row> byMonth = rows(store.byMonth(since), month -> month);
        int asked = byMonth.stream().mapToInt(Row::asked).sum();
        List<StatisticsStore.Bucket> buckets = asked == 0 ? List.of() : store.drawsPerExpert(since);
        return new Statistics(since, days, library.count(), asked, buckets, bySpecialty, byProvince, byMonth);
    }

    private static List<Row> rows(List<StatisticsStore.Answers> answers, java.util.function.UnaryOperator<String> name) {
        return answers.stream().map(a -> new Row(a.key(), name.apply(a.key()) == null ? a.key() : name.apply(a.key()),
                a.asked(), a.accepted(), a.declined(), a.noAnswer(), a.noShows(), rate(a.declined(), a.asked()),
                rate(a.noShows(), a.accepted()))).toList();
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
