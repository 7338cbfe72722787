package org.sunbid.member.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunbid.member.validation.ConstraintCheck.violations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTests {

    record Form(@ResidentId String idNumber) {
    }

    /** 11010519491231002X is the example of GB 11643-1999; its check digit (MOD 11-2) is X. */
    @ParameterizedTest
    @ValueSource(strings = { "11010519491231002X", "11010519491231002x", " 11010519491231002X ", "   " })
    void acceptsTheStandardsExampleInAnyCase(String id) {
        assertThat(violations(new Form(id))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, member.id-number.check-digit",
            "110105194912310020, member.id-number.check-digit",
            "11010519491231002, member.id-number.format",
            "1101051949123100AX, member.id-number.format",
            "110105194902300028, member.id-number.birth-date" })
    void namesTheRuleABadNumberBreaks(String id, String reason) {
        assertThat(violations(new Form(id))).containsExactly("idNumber={" + reason + "}");
    }

    /** A digit changed anywhere in the first seventeen breaks the check (weights 2^(17-i) mod 11 are never 0). */
    @Test
    void everySingleDigitChangeIsDetected() {
        String valid = "11010519491231002X";
        for (int i = 14; i < 17; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String changed = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertThat(violations(new Form(changed))).as(changed)
                            .containsExactly("idNumber={member.id-number.check-digit}");
                }
            }
        }
    }
}
