package org.sunbid.member;

import java.util.List;
import java.util.Optional;

/**
 * What a company (bidder, tenderee or agency) declares about itself. The verified fields are the name, the code,
 * the legal representative and the basic bank account: changing one sends an approved member back to review.
 */
public record CompanyProfile(String name, UnifiedSocialCreditCode uscc, LegalRepresentative legalRepresentative,
        Optional<ControllingShareholder> controllingShareholder, List<Contact> contacts, String address,
        RegionCode region, String businessScope, BankAccount bankAccount) {

    public CompanyProfile {
        controllingShareholder = controllingShareholder == null ? Optional.empty() : controllingShareholder;
        contacts = List.copyOf(contacts);
    }

    /** 法定代表人 */
    public record LegalRepresentative(String name, ResidentIdNumber idNumber) {
    }

    /** 控股股东 */
    public record ControllingShareholder(String name, UnifiedSocialCreditCode uscc) {
    }

    /** 联系人 */
    public record Contact(String name, String phone, String email) {
    }

    /** 基本存款账户: deposits must come from it. */
    public record BankAccount(String bankName, String accountNumber) {
    }

    /** The names of verified fields that differ between this profile and {@code other}. */
    public List<String> verifiedFieldsChangedFrom(CompanyProfile other) {
        var changed = new java.util.ArrayList<String>();
        if (!name.equals(other.name)) {
            changed.add("name");
        }
        if (!uscc.equals(other.uscc)) {
            changed.add("uscc");
        }
        if (!legalRepresentative.equals(other.legalRepresentative)) {
            changed.add("legalRepresentative");
        }
        if (!bankAccount.equals(other.bankAccount)) {
            changed.add("bankAccount");
        }
        return changed;
    }
}
