package org.sunbid.demo.seed;

import java.time.LocalDate;
import java.util.Random;

import org.sunbid.member.ResidentIdNumber;
import org.sunbid.member.UnifiedSocialCreditCode;

/** Makes well-formed codes for demo data and tests: USCCs and identity numbers with correct check characters. */
public final class SampleCodes {

    private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

    private SampleCodes() {
    }

    /**
     * A company code (registration authority 9 = market regulation, type 1 = enterprise) in {@code region}: the
     * organisation code carries its own GB 11714 check character, and the whole code its GB 32100 one.
     */
    public static UnifiedSocialCreditCode uscc(Random random, String region) {
        StringBuilder org = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = random.nextInt(10);
            org.append((char) ('0' + v));
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        org.append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
        String first17 = "91" + region + org;
        return new UnifiedSocialCreditCode(first17 + UnifiedSocialCreditCode.checkCharacter(first17));
    }

    /** A resident identity number registered in {@code region}, born on {@code birth}. */
    public static ResidentIdNumber idNumber(Random random, String region, LocalDate birth) {
        String first17 = region + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
        return new ResidentIdNumber(first17 + ResidentIdNumber.checkDigit(first17));
    }
}
