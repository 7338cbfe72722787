package org.sunbid.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.sunbid.deposit.internal.GuaranteeTerms;
import org.sunbid.deposit.internal.GuaranteeTerms.Refusal;
import org.sunbid.platform.ProblemException;

/** The guarantee's own rules, without Spring: each check refuses exactly its case and the genuine one passes. */
class GuaranteeTermsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final GuaranteeTerms.Expected EXPECTED = new GuaranteeTerms.Expected("SB-2026-0001", 1,
            "91330100MA27XYZ12A", "91330100MA27ABC34B", Money.of("200000.00"), TODAY.plusDays(20),
            TODAY.plusDays(110), TODAY);

    private static String json(String amount, String applicant, String beneficiary, String code, int lot,
            LocalDate from, LocalDate until) {
        return """
                {"format":"sunbid-guarantee/1","guaranteeNo":"BH-1","issuer":{"name":"阳光担保"},
                 "applicant":{"name":"甲公司","uscc":"%s"},"beneficiary":{"name":"招标人","uscc":"%s"},
                 "projectCode":"%s","lotNumber":%d,"amount":"%s","currency":"CNY","validFrom":"%s","validUntil":"%s"}"""
                .formatted(applicant, beneficiary, code, lot, amount, from, until);
    }

    private static GuaranteeTerms genuine(String amount, LocalDate from, LocalDate until) {
        return GuaranteeTerms.parse(json(amount, "91330100MA27XYZ12A", "91330100MA27ABC34B", "SB-2026-0001", 1, from,
                until).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGenuineGuaranteeMeetsEveryRule() {
        assertThat(genuine("200000.00", TODAY, TODAY.plusDays(110)).check(EXPECTED)).isEmpty();
        assertThat(genuine("250000.00", TODAY.plusDays(20), TODAY.plusDays(200)).check(EXPECTED)).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertThat(genuine("199999.99", TODAY, TODAY.plusDays(110)).check(EXPECTED)).contains(Refusal.AMOUNT_TOO_LOW);
        assertThat(genuine("200000.00", TODAY, TODAY.plusDays(109)).check(EXPECTED)).contains(Refusal.VALIDITY_TOO_SHORT);
        assertThat(genuine("200000.00", TODAY.plusDays(21), TODAY.plusDays(200)).check(EXPECTED))
                .contains(Refusal.STARTS_TOO_LATE);
        assertThat(genuine("200000.00", TODAY.minusDays(40), TODAY.minusDays(1)).check(EXPECTED)).contains(Refusal.EXPIRED);
        byte[] otherLot = json("200000.00", "91330100MA27XYZ12A", "91330100MA27ABC34B", "SB-2026-0001", 2, TODAY,
                TODAY.plusDays(110)).getBytes(StandardCharsets.UTF_8);
        assertThat(GuaranteeTerms.parse(otherLot).check(EXPECTED)).contains(Refusal.WRONG_LOT);
        byte[] otherBidder = json("200000.00", "91330100MA27OTHER9", "91330100MA27ABC34B", "SB-2026-0001", 1, TODAY,
                TODAY.plusDays(110)).getBytes(StandardCharsets.UTF_8);
        assertThat(GuaranteeTerms.parse(otherBidder).check(EXPECTED)).contains(Refusal.WRONG_APPLICANT);
        byte[] otherBeneficiary = json("200000.00", "91330100MA27XYZ12A", "91330100MA27OTHER9", "SB-2026-0001", 1,
                TODAY, TODAY.plusDays(110)).getBytes(StandardCharsets.UTF_8);
        assertThat(GuaranteeTerms.parse(otherBeneficiary).check(EXPECTED)).contains(Refusal.WRONG_BENEFICIARY);
    }

    @Test
    void malformedTermsAre400sNamingTheField() {
        assertThatThrownBy(() -> GuaranteeTerms.parse("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class).extracting("field").isEqualTo("document");
        assertThatThrownBy(() -> genuine("-5.00", TODAY, TODAY.plusDays(110)))
                .isInstanceOf(ProblemException.class).extracting("field").isEqualTo("amount");
        assertThatThrownBy(() -> genuine("1.001", TODAY, TODAY.plusDays(110)))
                .isInstanceOf(ProblemException.class).extracting("field").isEqualTo("amount");
        String usd = json("200000.00", "a", "b", "c", 1, TODAY, TODAY).replace("CNY", "USD");
        assertThatThrownBy(() -> GuaranteeTerms.parse(usd.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class).extracting("field").isEqualTo("currency");
    }
}
