package org.sunbid.member.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.sunbid.identity.Role;
import org.sunbid.member.CompanyProfile;
import org.sunbid.member.ExpertProfile;
import org.sunbid.member.ExpertTitle;
import org.sunbid.member.MemberForms.CompanyProfileInput;
import org.sunbid.member.MemberForms.ExpertProfileInput;
import org.sunbid.member.RegionCode;
import org.sunbid.member.ResidentIdNumber;
import org.sunbid.member.UnifiedSocialCreditCode;
import org.sunbid.platform.ProblemException;

/**
 * Reads the profile forms (as typed by the user) into the registry's values, naming the field at fault, and tells
 * which fields a profile change touched. Used by registration and by self-service.
 */
public final class ProfileForms {

    private ProfileForms() {
    }

    public static Role companyRole(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalid("role", "member.field.required", "role");
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "BIDDER" -> Role.BIDDER;
            case "TENDEREE" -> Role.TENDEREE;
            case "AGENT" -> Role.AGENT;
            default -> throw ProblemException.invalid("role", "member.role.unknown", raw.length() > 40 ? "?" : raw);
        };
    }

    public static CompanyProfile readCompany(CompanyProfileInput f) {
        String name = FormFields.text("name", f.name(), 200);
        UnifiedSocialCreditCode uscc = FormFields.value("uscc", f.uscc(), UnifiedSocialCreditCode::parse);
        if (f.legalRepresentative() == null) {
            throw ProblemException.invalid("legalRepresentative", "member.field.required", "legalRepresentative");
        }
        var legalRep = new CompanyProfile.LegalRepresentative(
                FormFields.text("legalRepresentative.name", f.legalRepresentative().name(), 100),
                FormFields.value("legalRepresentative.idNumber", f.legalRepresentative().idNumber(),
                        ResidentIdNumber::parse));
        Optional<CompanyProfile.ControllingShareholder> controller = Optional.empty();
        var cs = f.controllingShareholder();
        if (cs != null && !(isBlank(cs.name()) && isBlank(cs.uscc()))) {
            var controllerUscc = FormFields.value("controllingShareholder.uscc", cs.uscc(),
                    UnifiedSocialCreditCode::parse);
            if (controllerUscc.equals(uscc)) {
                throw ProblemException.invalid("controllingShareholder.uscc", "member.controller.self");
            }
            controller = Optional.of(new CompanyProfile.ControllingShareholder(
                    FormFields.text("controllingShareholder.name", cs.name(), 200), controllerUscc));
        }
        if (f.contacts() == null || f.contacts().isEmpty()) {
            throw ProblemException.invalid("contacts", "member.contacts.required");
        }
        if (f.contacts().size() > 10) {
            throw ProblemException.invalid("contacts", "member.contacts.too-many", 10);
        }
        List<CompanyProfile.Contact> contacts = new ArrayList<>();
        for (int i = 0; i < f.contacts().size(); i++) {
            var c = f.contacts().get(i);
            String p = "contacts[" + i + "]";
            if (c == null) {
                throw ProblemException.invalid(p, "member.field.required", p);
            }
            String phone = FormFields.text(p + ".phone", c.phone(), 30);
            if (!phone.matches("[0-9+\\-() ]{5,30}")) {
                throw ProblemException.invalid(p + ".phone", "member.phone.format");
            }
            String email = FormFields.optionalText(p + ".email", c.email(), 100);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ProblemException.invalid(p + ".email", "member.email.format");
            }
            contacts.add(new CompanyProfile.Contact(FormFields.text(p + ".name", c.name(), 50), phone, email));
        }
        String address = FormFields.text("address", f.address(), 300);
        RegionCode region = FormFields.value("regionCode", f.regionCode(), RegionCode::parse);
        String scope = FormFields.multiline("businessScope", f.businessScope(), 2000, true);
        if (f.bankAccount() == null) {
            throw ProblemException.invalid("bankAccount", "member.field.required", "bankAccount");
        }
        String bankName = FormFields.text("bankAccount.bankName", f.bankAccount().bankName(), 200);
        String accountNumber = FormFields.text("bankAccount.accountNumber", f.bankAccount().accountNumber(), 40)
                .replaceAll("[ -]", "");
        if (!accountNumber.matches("[0-9]{8,32}")) {
            throw ProblemException.invalid("bankAccount.accountNumber", "member.bank.account-format");
        }
        return new CompanyProfile(name, uscc, legalRep, controller, contacts, address, region, scope,
                new CompanyProfile.BankAccount(bankName, accountNumber));
    }

    public static ExpertProfile readExpert(ExpertProfileInput f) {
        String name = FormFields.text("name", f.name(), 50);
        ResidentIdNumber idNumber = FormFields.value("idNumber", f.idNumber(), ResidentIdNumber::parse);
        UnifiedSocialCreditCode employer = FormFields.value("employerUscc", f.employerUscc(),
                UnifiedSocialCreditCode::parse);
        if (f.specialties() == null || f.specialties().isEmpty()) {
            throw ProblemException.invalid("specialties", "member.specialties.required");
        }
        if (f.specialties().size() > 20) {
            throw ProblemException.invalid("specialties", "member.specialties.too-many", 20);
        }
        List<String> specialties = new ArrayList<>();
        for (int i = 0; i < f.specialties().size(); i++) {
            String code = f.specialties().get(i);
            if (code == null || !code.strip().matches("[A-Z][0-9]{2,8}")) {
                throw ProblemException.invalid("specialties[" + i + "]", "member.specialties.format");
            }
            if (!specialties.contains(code.strip())) {
                specialties.add(code.strip());
            }
        }
        ExpertTitle title;
        try {
            title = ExpertTitle.valueOf(FormFields.text("title", f.title(), 30).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("title", "member.title.unknown");
        }
        if (f.yearsInField() == null) {
            throw ProblemException.invalid("yearsInField", "member.field.required", "yearsInField");
        }
        if (f.yearsInField() < 0 || f.yearsInField() > 70) {
            throw ProblemException.invalid("yearsInField", "member.years.range");
        }
        String phone = FormFields.text("phone", f.phone(), 20);
        if (!phone.matches("1[3-9][0-9]{9}")) {
            throw ProblemException.invalid("phone", "member.phone.mobile");
        }
        return new ExpertProfile(name, idNumber, employer, specialties, title, f.yearsInField(), phone);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The fields of an expert's profile that differ between {@code b} and {@code a}. */
    public static List<String> changedFields(ExpertProfile b, ExpertProfile a) {
        List<String> fields = new ArrayList<>();
        compare(fields, "name", b.name(), a.name());
        compare(fields, "idNumber", b.idNumber(), a.idNumber());
        compare(fields, "employerUscc", b.employer(), a.employer());
        compare(fields, "specialties", b.specialties(), a.specialties());
        compare(fields, "title", b.title(), a.title());
        compare(fields, "yearsInField", b.yearsInField(), a.yearsInField());
        compare(fields, "phone", b.phone(), a.phone());
        return fields;
    }

    /** The fields of a company's profile that differ between {@code b} and {@code a}. */
    public static List<String> changedFields(CompanyProfile b, CompanyProfile a) {
        List<String> fields = new ArrayList<>();
        compare(fields, "name", b.name(), a.name());
        compare(fields, "uscc", b.uscc(), a.uscc());
        compare(fields, "legalRepresentative", b.legalRepresentative(), a.legalRepresentative());
        compare(fields, "controllingShareholder", b.controllingShareholder(), a.controllingShareholder());
        compare(fields, "contacts", b.contacts(), a.contacts());
        compare(fields, "address", b.address(), a.address());
        compare(fields, "regionCode", b.region(), a.region());
        compare(fields, "businessScope", b.businessScope(), a.businessScope());
        compare(fields, "bankAccount", b.bankAccount(), a.bankAccount());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            fields.add(name);
        }
    }
}
