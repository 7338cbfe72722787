package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTests {

    private static final long SEED = 20_261_127L;

    @Test
    void acceptsPublishedCodesWithTheirCheckCharacter() {
        assertThat(new UnifiedSocialCreditCode("91350100M000100Y43").regionPart()).isEqualTo("350100");
        assertThat(UnifiedSocialCreditCode.parse(" 91110000802100433b ").value()).isEqualTo("91110000802100433B");
    }

    @Test
    void refusesAPublishedCodeWithAnotherCheckCharacter() {
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y44"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.key()).isEqualTo("member.uscc.check-character"));
    }

    @Test
    void refusesWrongLengthForbiddenLettersAndNonDigitRegion() {
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100Y4"))
                .hasMessage("member.uscc.length");
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91350100M000100I43"))
                .hasMessage("member.uscc.alphabet");
        assertThatThrownBy(() -> new UnifiedSocialCreditCode("91A50100M000100Y43"))
                .hasMessage("member.uscc.region");
        assertThatThrownBy(() -> new UnifiedSocialCreditCode(null)).hasMessage("member.uscc.required");
    }

    /** Property: for random 17-character prefixes, exactly one of the 31 final characters is accepted. */
    @Test
    void exactlyOneCheckCharacterCompletesAnyRandomPrefix() {
        Random random = new Random(SEED);
        for (int run = 0; run < 2_000; run++) {
            String prefix = randomPrefix(random);
            int accepted = 0;
            for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
                try {
                    new UnifiedSocialCreditCode(prefix + c);
                    accepted++;
                    assertThat(c).isEqualTo(UnifiedSocialCreditCode.checkCharacter(prefix));
                } catch (InvalidValueException e) {
                    assertThat(e.key()).isEqualTo("member.uscc.check-character");
                }
            }
            assertThat(accepted).as("prefix %s", prefix).isEqualTo(1);
        }
    }

    /** Property: changing any one character of a valid code (to another legal one) is detected. */
    @Test
    void detectsEverySingleCharacterSubstitution() {
        Random random = new Random(SEED + 1);
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        for (int run = 0; run < 500; run++) {
            String prefix = randomPrefix(random);
            String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
            int position = random.nextInt(18);
            char original = code.charAt(position);
            char replacement;
            do {
                replacement = position >= 2 && position < 8 ? (char) ('0' + random.nextInt(10))
                        : alphabet.charAt(random.nextInt(alphabet.length()));
            } while (replacement == original);
            String changed = code.substring(0, position) + replacement + code.substring(position + 1);
            assertThatThrownBy(() -> new UnifiedSocialCreditCode(changed)).as("%s -> %s", code, changed)
                    .hasMessage("member.uscc.check-character");
        }
    }

    static String randomPrefix(Random random) {
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        StringBuilder sb = new StringBuilder();
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        for (int i = 0; i < 9; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
