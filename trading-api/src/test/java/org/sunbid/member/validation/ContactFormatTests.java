package org.sunbid.member.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunbid.member.validation.ConstraintCheck.violations;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sunbid.member.ExpertTitle;
import org.sunbid.member.validation.ContactFormat.Kind;
import org.sunbid.platform.validation.EnumName;

class ContactFormatTests {

    record Contact(@ContactFormat(Kind.PHONE) String phone, @ContactFormat(Kind.EMAIL) String email,
            @ContactFormat(Kind.BANK_ACCOUNT) String account, @EnumName(ExpertTitle.class) String title) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "010-62345678", "+86 (571) 8765 4321", " 12345 " })
    void acceptsPhoneNumbersWithTheirPunctuation(String phone) {
        assertThat(violations(new Contact(phone, null, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "1234", "电话", "010#62345678", "0123456789012345678901234567890" })
    void refusesShortLongOrLetteredPhones(String phone) {
        assertThat(violations(new Contact(phone, null, null, null))).containsExactly("phone={member.phone.format}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "li@example.cn", " a.b@mail.example.com ", "x@a.b" })
    void acceptsAddressesWithADotInTheirDomain(String email) {
        assertThat(violations(new Contact(null, email, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "li@example", "@example.cn", "li@@example.cn", "li@ex ample.cn", "li@.cn", "li@cn.",
            "not-an-address" })
    void refusesAddressesWithoutOneAtOrADotInside(String email) {
        assertThat(violations(new Contact(null, email, null, null))).containsExactly("email={member.email.format}");
    }

    @Test
    void bankAccountsAreEightToThirtyTwoDigitsGroupedOrNot() {
        assertThat(violations(new Contact(null, null, "0200 0015-0902 0123 456", null))).isEmpty();
        assertThat(violations(new Contact(null, null, "1234567", null)))
                .containsExactly("account={member.bank.account-format}");
        assertThat(violations(new Contact(null, null, "1".repeat(33), null)))
                .containsExactly("account={member.bank.account-format}");
        assertThat(violations(new Contact(null, null, "6222 0000 1234 567A", null)))
                .containsExactly("account={member.bank.account-format}");
    }

    @Test
    void titlesAreTheEnumsNamesInAnyCase() {
        assertThat(violations(new Contact(null, null, null, " associate_senior "))).isEmpty();
        assertThat(violations(new Contact(null, null, null, "PROFESSOR")))
                .containsExactly("title={validation.enum-name}");
    }

    /** A hostile megabyte of blanks costs one pass: no regular expression to backtrack through. */
    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aMegabyteOfBlanksIsRefusedInOnePass() {
        String hostile = " ".repeat(1_000_000) + "x";
        assertThat(violations(new Contact(hostile, hostile, hostile, null))).hasSize(3);
    }
}
