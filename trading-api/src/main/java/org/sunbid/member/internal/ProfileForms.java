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

    /**
     * Reads a company profile the edge has validated ({@code @Valid} on {@link CompanyProfileInput}): strips the
     * texts, parses the codes into value records (which keep their own rules for callers that bypass the edge) and
     * checks what no single field can tell: a controlling shareholder given in part, or being the company itself.
     */
    public static CompanyProfile readCompany(CompanyProfileInput f) {
        UnifiedSocialCreditCode uscc = UnifiedSocialCreditCode.parse(f.uscc());
        var legalRep = new CompanyProfile.LegalRepresentative(f.legalRepresentative().name().strip(),
                ResidentIdNumber.parse(f.legalRepresentative().idNumber()));
        Optional<CompanyProfile.ControllingShareholder> controller = Optional.empty();
        var cs = f.controllingShareholder();
        if (cs != null && !(isBlank(cs.name()) && isBlank(cs.uscc()))) {
            String part = isBlank(cs.uscc()) ? "controllingShareholder.uscc"
                    : isBlank(cs.name()) ? "controllingShareholder.name" : null;
            if (part != null) {
                throw ProblemException.invalid(part, "member.field.required", part);
            }
            var controllerUscc = UnifiedSocialCreditCode.parse(cs.uscc());
            if (controllerUscc.equals(uscc)) {
                throw ProblemException.invalid("controllingShareholder.uscc", "member.controller.self");
            }
            controller = Optional.of(new CompanyProfile.ControllingShareholder(cs.name().strip(), controllerUscc));
        }
        List<CompanyProfile.Contact> contacts = f.contacts().stream().map(c -> new CompanyProfile.Contact(
                c.name().strip(), c.phone().strip(), isBlank(c.email()) ? null : c.email().strip())).toList();
        return new CompanyProfile(f.name().strip(), uscc, legalRep, controller, contacts, f.address().strip(),
                RegionCode.parse(f.regionCode()), f.businessScope().strip(), new CompanyProfile.BankAccount(
                        f.bankAccount().bankName().strip(), f.bankAccount().accountNumber().replaceAll("[\\s-]", "")));
    }

    /** Reads an expert's profile the edge has validated ({@code @Valid} on {@link ExpertProfileInput}). */
    public static ExpertProfile readExpert(ExpertProfileInput f) {
        List<String> specialties = f.specialties().stream().map(String::strip).distinct().toList();
        ExpertTitle title = ExpertTitle.valueOf(f.title().strip().toUpperCase(Locale.ROOT));
        return new ExpertProfile(f.name().strip(), ResidentIdNumber.parse(f.idNumber()),
                UnifiedSocialCreditCode.parse(f.employerUscc()), specialties, title, f.yearsInField(),
                f.phone().strip());
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
