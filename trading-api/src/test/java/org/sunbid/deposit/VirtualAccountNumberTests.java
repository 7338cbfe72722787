package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Virtual sub-account numbers: derivation is stable, check digits catch single-digit errors and adjacent swaps. */
class VirtualAccountNumberTests {

    @Test
    void derivesAStableTwentyDigitNumberWhoseCheckDigitsValidate() {
        UUID lot = UUID.fromString("8a6f1c52-0000-4000-8000-000000000001");
        UUID member = UUID.fromString("0c1d2e3f-0000-4000-8000-000000000002");
        VirtualAccountNumber n = VirtualAccountNumber.derive("955880", lot, member, 0);
        assertThat(n.value()).hasSize(20).startsWith("955880");
        assertThat(VirtualAccountNumber.derive("955880", lot, member, 0)).isEqualTo(n);
        assertThat(VirtualAccountNumber.derive("955880", lot, member, 1)).isNotEqualTo(n);
        assertThat(new java.math.BigInteger(n.value()).mod(java.math.BigInteger.valueOf(97)).intValue()).isEqualTo(1);
    }

    @Test
    void everySingleDigitErrorAndEveryAdjacentTranspositionIsCaught() {
        Random random = new Random(17);
        for (int i = 0; i < 200; i++) {
            String good = VirtualAccountNumber.derive("955880", UUID.randomUUID(), UUID.randomUUID(), 0).value();
            for (int pos = 0; pos < 20; pos++) {
                char[] typo = good.toCharArray();
                typo[pos] = (char) ('0' + (typo[pos] - '0' + 1 + random.nextInt(9)) % 10);
                assertThat(VirtualAccountNumber.isValid(new String(typo))).as(new String(typo)).isFalse();
                if (pos < 19 && good.charAt(pos) != good.charAt(pos + 1)) {
                    char[] swap = good.toCharArray();
                    swap[pos] = good.charAt(pos + 1);
                    swap[pos + 1] = good.charAt(pos);
                    assertThat(VirtualAccountNumber.isValid(new String(swap))).isFalse();
                }
            }
        }
    }

    @Test
    void refusesMalformedNumbers() {
        assertThatThrownBy(() -> new VirtualAccountNumber("95588012345678901234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VirtualAccountNumber("9558801234")).isInstanceOf(IllegalArgumentException.class);
        assertThat(VirtualAccountNumber.isValid(null)).isFalse();
        assertThat(VirtualAccountNumber.isValid("95588A123456789012345")).isFalse();
    }
}
