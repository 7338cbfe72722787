package org.sunbid.member.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunbid.member.validation.ConstraintCheck.violations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunbid.member.UnifiedSocialCreditCode;

class UsccTests {

    record Form(@Uscc String code) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y43", "91110000802100433B", " 91110000802100433b ", "" })
    void acceptsPublishedCodesAnyCaseAndLeavesBlankToNotBlank(String code) {
        assertThat(violations(new Form(code))).isEmpty();
        assertThat(violations(new Form(null))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44, member.uscc.check-character",
            "91110000802100433C, member.uscc.check-character",
            "91350100M000100Y4, member.uscc.length",
            "91350100M000100I43, member.uscc.alphabet",
            "91A50100M000100Y43, member.uscc.region" })
    void namesTheRuleABadCodeBreaks(String code, String reason) {
        assertThat(violations(new Form(code))).containsExactly("code={" + reason + "}");
    }

    @Test
    void everyWrongCheckCharacterOfAComputedCodeIsRefused() {
        String first17 = "91440300MA5DA1B2C";
        char right = UnifiedSocialCreditCode.checkCharacter(first17);
        assertThat(violations(new Form(first17 + right))).isEmpty();
        for (char c : UnifiedSocialCreditCode.ALPHABET.toCharArray()) {
            if (c != right) {
                assertThat(violations(new Form(first17 + c))).as("check %s", c)
                        .containsExactly("code={member.uscc.check-character}");
            }
        }
    }
}
