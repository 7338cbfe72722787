package org.sunbid.member;

import java.util.List;

/**
 * What clients send, as typed by the user (strings, possibly missing or wrong). {@link MemberManagement} checks each
 * field and refuses bad input with a problem naming the field.
 */
public final class MemberForms {

    private MemberForms() {
    }

    public record Person(String name, String idNumber) {
    }

    public record Shareholder(String name, String uscc) {
    }

    public record ContactInput(String name, String phone, String email) {
    }

    public record Bank(String bankName, String accountNumber) {
    }

    /** A qualification certificate; its scan travels as the multipart file {@code qualifications[i].scan}. */
    public record QualificationInput(String kind, String number, String grade, String issuer, String expiresOn) {
    }

    /** A company registers: role BIDDER, TENDEREE or AGENT, its login, and its profile. */
    public record CompanyRegistration(String role, String username, String password, String name, String uscc,
            Person legalRepresentative, Shareholder controllingShareholder, List<ContactInput> contacts,
            String address, String regionCode, String businessScope, Bank bankAccount,
            List<QualificationInput> qualifications) {

        public CompanyProfileInput profile() {
            return new CompanyProfileInput(name, uscc, legalRepresentative, controllingShareholder, contacts, address,
                    regionCode, businessScope, bankAccount);
        }
    }

    /** The whole editable company profile. */
    public record CompanyProfileInput(String name, String uscc, Person legalRepresentative,
            Shareholder controllingShareholder, List<ContactInput> contacts, String address, String regionCode,
            String businessScope, Bank bankAccount) {
    }

    /** An expert registers with its login and its profile. */
    public record ExpertRegistration(String username, String password, String name, String idNumber,
            String employerUscc, List<String> specialties, String title, Integer yearsInField, String phone) {

        public ExpertProfileInput profile() {
            return new ExpertProfileInput(name, idNumber, employerUscc, specialties, title, yearsInField, phone);
        }
    }

    /** The whole editable expert profile. */
    public record ExpertProfileInput(String name, String idNumber, String employerUscc, List<String> specialties,
            String title, Integer yearsInField, String phone) {
    }

    /** A certificate to bind: PEM text, or base64 of DER. */
    /**
     * A certificate to bind (PEM or base64 DER). {@code endorsement}: when the member already holds a bound
     * certificate, a detached CMS signature (base64 DER) by it over the UTF-8 text of the new certificate's SHA-256
     * fingerprint (lower-case hex), e.g. {@code printf %s "$FP" | openssl cms -sign -binary -signer old.pem -inkey old.key -outform DER | base64 -w0}.
     */
    public record CertificateInput(String certificate, String endorsement) {

        public CertificateInput(String certificate) {
            this(certificate, null);
        }
    }

    /** Why staff act (required to return, suspend or cancel). */
    public record Decision(String reason) {
    }
}
