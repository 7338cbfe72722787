package org.sunbid.member;

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015) whose last character is the check
 * character computed over the first seventeen.
 */
public record UnifiedSocialCreditCode(String value) {

    /** The 31 characters of the code alphabet (no I, O, S, V, Z); a character's index is its value. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    public UnifiedSocialCreditCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("member.uscc.required");
        }
        if (value.length() != 18) {
            throw new InvalidValueException("member.uscc.length");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new InvalidValueException("member.uscc.alphabet");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                throw new InvalidValueException("member.uscc.region");
            }
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidValueException("member.uscc.check-character");
        }
    }

    /** Parses user input, tolerating surrounding blanks and lower case. */
    public static UnifiedSocialCreditCode parse(String text) {
        return new UnifiedSocialCreditCode(text == null ? null : text.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The check character for the first seventeen characters. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new InvalidValueException("member.uscc.length");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new InvalidValueException("member.uscc.alphabet");
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The six-digit administrative division code embedded at positions 3 to 8. */
    public String regionPart() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
