package org.sunbid.member.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunbid.member.validation.ConstraintCheck.violations;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberForms;

/** The registration forms' constraints name each bad field by the path the client sent it under. */
class MemberFormsValidationTests {

    @Test
    void theFixturesFormsAreValid() {
        assertThat(violations(MemberFixtures.company(Role.BIDDER, "合规有限公司"))).isEmpty();
        assertThat(violations(MemberFixtures.expert("SENIOR", 12))).isEmpty();
    }

    @Test
    void namesNestedAndListedFieldsByTheirPath() {
        var ok = MemberFixtures.company(Role.BIDDER, "合规有限公司");
        var bad = new MemberForms.CompanyRegistration(ok.role(), ok.username(), ok.password(), "换行\n公司",
                ok.uscc(), new MemberForms.Person("张三", "110105194912310021"),
                new MemberForms.Shareholder("控股", "91350100M000100Y44"),
                List.of(new MemberForms.ContactInput("李四", "电话", "not-an-address")), ok.address(), "990101",
                ok.businessScope(), new MemberForms.Bank("银行", "12-34"), ok.qualifications());
        assertThat(violations(bad)).containsExactly(
                "bankAccount.accountNumber={member.bank.account-format}",
                "contacts[0].email={member.email.format}",
                "contacts[0].phone={member.phone.format}",
                "controllingShareholder.uscc={member.uscc.check-character}",
                "legalRepresentative.idNumber={member.id-number.check-digit}",
                "name={validation.single-line}",
                "regionCode={member.region.province}");
    }

    @Test
    void requiredFieldsAndListsAreNamedWhenMissing() {
        var ok = MemberFixtures.company(Role.BIDDER, "合规有限公司");
        var empty = new MemberForms.CompanyRegistration(ok.role(), ok.username(), ok.password(), " ", null, null,
                null, List.of(), null, null, null, null, null);
        assertThat(violations(empty)).containsExactly("address={jakarta.validation.constraints.NotBlank.message}",
                "bankAccount={jakarta.validation.constraints.NotNull.message}",
                "businessScope={jakarta.validation.constraints.NotBlank.message}",
                "contacts={member.contacts.required}",
                "legalRepresentative={jakarta.validation.constraints.NotNull.message}",
                "name={jakarta.validation.constraints.NotBlank.message}",
                "regionCode={jakarta.validation.constraints.NotBlank.message}",
                "uscc={jakarta.validation.constraints.NotBlank.message}");
    }

    @Test
    void anExpertsListedSpecialtyTitleYearsAndMobileAreChecked() {
        var ok = MemberFixtures.expert("SENIOR", 12);
        var specialties = new ArrayList<>(List.of("A010101", "a1"));
        var bad = new MemberForms.ExpertProfileInput(ok.name(), ok.idNumber(), ok.employerUscc(), specialties,
                "PROFESSOR", 71, "010-62345678");
        assertThat(violations(bad)).containsExactly("phone={member.phone.mobile}",
                "specialties[1].<list element>={member.specialties.format}", "title={member.title.unknown}",
                "yearsInField={member.years.range}");
        var lower = new MemberForms.ExpertProfileInput(ok.name(), ok.idNumber(), ok.employerUscc(), List.of(" B02 "),
                "associate_senior", 0, " 13800138000 ");
        assertThat(violations(lower)).isEmpty();
    }

    @Test
    void bankAccountsMayBeGroupedBySpacesOrDashes() {
        var ok = MemberFixtures.company(Role.BIDDER, "合规有限公司");
        for (String account : List.of("0200 0015 0902 0123 456", "0200-0015-0902", " 12345678 ")) {
            var form = new MemberForms.CompanyProfileInput(ok.name(), ok.uscc(), ok.legalRepresentative(), null,
                    ok.contacts(), ok.address(), ok.regionCode(), ok.businessScope(),
                    new MemberForms.Bank("银行", account));
            assertThat(violations(form)).as(account).isEmpty();
        }
        var tooLong = new MemberForms.CompanyProfileInput(ok.name(), ok.uscc(), ok.legalRepresentative(), null,
                ok.contacts(), ok.address(), ok.regionCode(), ok.businessScope(),
                new MemberForms.Bank("银行", "1".repeat(33)));
        assertThat(violations(tooLong)).containsExactly("bankAccount.accountNumber={member.bank.account-format}");
    }
}
