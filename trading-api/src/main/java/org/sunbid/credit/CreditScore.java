package org.sunbid.credit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.sunbid.platform.id.MemberId;

/**
 * The credit score, a pure function of a member's records and bans on a day:
 * {@code 100 + min(20, 5 × good) − Σ weight(bad) × age factor}, clamped to 0–120, and 0 while an ALL-scope ban is
 * in force. Weights: MINOR 5, SERIOUS 15, GRAVE 30. Age factor from the record's effective date: 1 in the first
 * year, 0.5 in the second and third, 0 afterwards. Only current records (not revoked, not superseded) that are in
 * effect on the day count.
 */
public final class CreditScore {

    public static final int BASE = 100;
    public static final int GOOD_POINTS = 5;
    public static final int GOOD_CAP = 20;
    public static final int MAX = 120;

    private CreditScore() {
    }

    public static CreditManagement.Score of(MemberId member, LocalDate day, List<CreditRecord> records, List<Ban> bans) {
        int good = 0;
        int bad = 0;
        double penalty = 0;
        for (CreditRecord r : records) {
            if (!r.effectiveOn(day)) {
                continue;
            }
            if (r.kind() == CreditRecord.Kind.GOOD) {
                good++;
            } else {
                bad++;
                penalty += r.severity().points() * ageFactor(r.effectiveFrom(), day);
            }
        }
        boolean banned = bans.stream().anyMatch(b -> b.inForceOn(day) && b.scope() == BanScope.ALL);
        int score = (int) Math.floor(BASE + Math.min(GOOD_CAP, GOOD_POINTS * good) - penalty);
        score = banned ? 0 : Math.max(0, Math.min(MAX, score));
        return new CreditManagement.Score(member.value(), day, score, good, bad, banned);
    }

    static double ageFactor(LocalDate from, LocalDate day) {
        long months = ChronoUnit.MONTHS.between(from, day);
        if (months < 12) {
            return 1.0;
        }
        return months < 36 ? 0.5 : 0.0;
    }
}
