package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTests {

    @Test
    void acceptsTheStandardsExamplesIncludingCheckX() {
        assertThat(new ResidentIdNumber("11010519491231002X").masked()).isEqualTo("110105********002X");
        assertThat(ResidentIdNumber.parse("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertThat(new ResidentIdNumber("440524188001010014").value()).isEqualTo("440524188001010014");
    }

    @Test
    void refusesWrongCheckDigitImpossibleBirthDateAndLetters() {
        assertThatThrownBy(() -> new ResidentIdNumber("110105194912310021")).hasMessage("member.id-number.check-digit");
        assertThatThrownBy(() -> new ResidentIdNumber("110105194902300021")).hasMessage("member.id-number.birth-date");
        assertThatThrownBy(() -> new ResidentIdNumber("1101051949123100A1")).hasMessage("member.id-number.format");
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        assertThat(new ResidentIdNumber("11010519491231002X").toString()).doesNotContain("19491231");
    }

    /** Property: random valid numbers round-trip, and every other final digit is refused. */
    @Test
    void exactlyOneCheckDigitCompletesRandomNumbers() {
        Random random = new Random(11643);
        for (int run = 0; run < 1_000; run++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
            String prefix = "%06d%s%03d".formatted(110000 + random.nextInt(800000),
                    birth.toString().replace("-", ""), random.nextInt(1000));
            int accepted = 0;
            for (char c : "0123456789X".toCharArray()) {
                try {
                    new ResidentIdNumber(prefix + c);
                    accepted++;
                } catch (InvalidValueException e) {
                    assertThat(e.key()).isEqualTo("member.id-number.check-digit");
                }
            }
            assertThat(accepted).as(prefix).isEqualTo(1);
        }
    }
}
