package org.sunbid.member.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunbid.member.validation.ConstraintCheck.violations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeConstraintTests {

    record Form(@RegionCode String region) {
    }

    /** Codes of the registry's table (regions.tsv) and a district under a known province. */
    @ParameterizedTest
    @ValueSource(strings = { "110108", "330106", "650000", " 440305 ", "" })
    void acceptsCodesUnderAKnownProvince(String code) {
        assertThat(violations(new Form(code))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "11010, member.region.format",
            "1101080, member.region.format",
            "011010, member.region.format",
            "11O108, member.region.format",
            "990101, member.region.province",
            "280000, member.region.province" })
    void namesTheRuleABadCodeBreaks(String code, String reason) {
        assertThat(violations(new Form(code))).containsExactly("region={" + reason + "}");
    }
}
