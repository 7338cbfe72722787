package org.sunbid.deposit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.BiFunction;

import org.sunbid.deposit.RefundReason;
import org.sunbid.project.ProjectType;

/**
 * When a refund is due and whether it carries interest, by cause and project type. Works (招标投标法实施条例 art. 35,
 * 57, 31): calendar days, interest at the bank's same-period demand rate. Government procurement (政府采购法实施条例
 * art. 38): working days. A refund is due by the end of the last day (Asia/Shanghai), i.e. before 00:00 of the next.
 */
public final class RefundPolicy {

    private RefundPolicy() {
    }

    public record Terms(Instant dueBy, boolean withInterest) {
    }

    /**
     * @param trigger         when the cause happened (withdrawal notice, award notice, contract signed, failure)
     * @param addWorkingDays  the working calendar (date, n) → the n-th working day after date
     */
    public static Terms terms(RefundReason reason, ProjectType type, Instant trigger, int days, ZoneId zone,
            BiFunction<LocalDate, Integer, LocalDate> addWorkingDays) {
        LocalDate start = trigger.atZone(zone).toLocalDate();
        boolean procurement = type == ProjectType.GOVERNMENT_PROCUREMENT;
        LocalDate last = switch (reason) {
            case WITHDRAWN_BEFORE_DEADLINE, TENDER_FAILED -> start.plusDays(days);
            case NOT_AWARDED, CONTRACT_SIGNED -> procurement ? addWorkingDays.apply(start, days) : start.plusDays(days);
        };
        boolean interest = reason != RefundReason.WITHDRAWN_BEFORE_DEADLINE && !procurement
                || reason == RefundReason.TENDER_FAILED;
        return new Terms(last.plusDays(1).atStartOfDay(zone).toInstant(), interest);
    }
}
