package org.sunbid.member;

import java.time.DateTimeException;
import java.time.LocalDate;

/** An 18-digit resident identity number (居民身份证号码, GB 11643-1999) with its ISO 7064 MOD 11-2 check digit. */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    public ResidentIdNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("member.id-number.required");
        }
        if (!value.matches("[0-9]{17}[0-9X]")) {
            throw new InvalidValueException("member.id-number.format");
        }
        try {
            LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidValueException("member.id-number.birth-date");
        }
        if (checkDigit(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidValueException("member.id-number.check-digit");
        }
    }

    public static ResidentIdNumber parse(String text) {
        return new ResidentIdNumber(text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The number with the birth date and sequence hidden, for lists and logs. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
