package org.sunbid.member;

import java.util.List;

/** What an expert declares: identity, employer, specialties (category codes), title, years in the field. */
public record ExpertProfile(String name, ResidentIdNumber idNumber, UnifiedSocialCreditCode employer,
        List<String> specialties, ExpertTitle title, int yearsInField, String phone) {

    /** Years of work the Bidding Law (招标投标法 第三十七条) asks of a pool expert. */
    public static final int POOL_MIN_YEARS = 8;

    public ExpertProfile {
        specialties = List.copyOf(specialties);
    }

    /** Eight or more years in the field and a senior title. */
    public boolean eligibleForPool() {
        return yearsInField >= POOL_MIN_YEARS && title.isSenior();
    }
}
