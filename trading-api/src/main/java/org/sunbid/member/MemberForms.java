package org.sunbid.member;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sunbid.member.validation.ContactFormat;
import org.sunbid.member.validation.ContactFormat.Kind;
import org.sunbid.member.validation.RegionCode;
import org.sunbid.member.validation.ResidentId;
import org.sunbid.member.validation.Uscc;
import org.sunbid.platform.validation.EnumName;
import org.sunbid.platform.validation.SingleLine;

/**
 * What clients send, as typed by the user (strings, possibly missing or wrong). The controllers validate them
 * ({@code @Valid}) against the constraints written here, so a bad field is a 400 problem naming it (its property
 * path, e.g. {@code contacts[0].phone}) before any service runs; the services then read them into value records.
 * Cross-field rules (a controlling shareholder given in part, or being the company itself) stay in the services.
 */
public final class MemberForms {

    /** An evaluation specialty code (评标专业), e.g. A010101. */
    static final String SPECIALTY = "\\s*[A-Z][0-9]{2,8}\\s*";
    /** A mainland mobile number. */
    static final String MOBILE = "\\s*1[3-9][0-9]{9}\\s*";

    private MemberForms() {
    }

    public record Person(@NotBlank @Size(max = 100) @SingleLine String name, @NotBlank @ResidentId String idNumber) {
    }

    public record Shareholder(@Size(max = 200) @SingleLine String name, @Uscc String uscc) {
    }

    public record ContactInput(@NotBlank @Size(max = 50) @SingleLine String name,
            @NotBlank @Size(max = 30) @ContactFormat(Kind.PHONE) String phone,
            @Size(max = 100) @ContactFormat(Kind.EMAIL) String email) {
    }

    public record Bank(@NotBlank @Size(max = 200) @SingleLine String bankName,
            @NotBlank @Size(max = 40) @ContactFormat(Kind.BANK_ACCOUNT) String accountNumber) {
    }

    /** A qualification certificate; its scan travels as the multipart file {@code qualifications[i].scan}. */
    public record QualificationInput(@NotBlank @Size(max = 100) @SingleLine String kind,
            @NotBlank @Size(max = 100) @SingleLine String number, @Size(max = 50) @SingleLine String grade,
            @NotBlank @Size(max = 200) @SingleLine String issuer,
            @NotBlank @Pattern(regexp = "\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*", message = "{member.date.format}")
            String expiresOn) {
    }

    /** A company registers: role BIDDER, TENDEREE or AGENT, its login, and its profile. */
    public record CompanyRegistration(String role, String username, String password,
            @NotBlank @Size(max = 200) @SingleLine String name, @NotBlank @Uscc String uscc,
            @NotNull @Valid Person legalRepresentative, @Valid Shareholder controllingShareholder,
            @NotEmpty(message = "{member.contacts.required}")
            @Size(max = 10, message = "{member.contacts.too-many}") List<@NotNull @Valid ContactInput> contacts,
            @NotBlank @Size(max = 300) @SingleLine String address, @NotBlank @RegionCode String regionCode,
            @NotBlank @Size(max = 2000) String businessScope, @NotNull @Valid Bank bankAccount,
            @Size(max = 20, message = "{member.qualifications.too-many}")
            List<@NotNull @Valid QualificationInput> qualifications) {

        public CompanyProfileInput profile() {
            return new CompanyProfileInput(name, uscc, legalRepresentative, controllingShareholder, contacts, address,
                    regionCode, businessScope, bankAccount);
        }
    }

    /** The whole editable company profile. */
    public record CompanyProfileInput(@NotBlank @Size(max = 200) @SingleLine String name, @NotBlank @Uscc String uscc,
            @NotNull @Valid Person legalRepresentative, @Valid Shareholder controllingShareholder,
            @NotEmpty(message = "{member.contacts.required}")
            @Size(max = 10, message = "{member.contacts.too-many}") List<@NotNull @Valid ContactInput> contacts,
            @NotBlank @Size(max = 300) @SingleLine String address, @NotBlank @RegionCode String regionCode,
            @NotBlank @Size(max = 2000) String businessScope, @NotNull @Valid Bank bankAccount) {
    }

    /** An expert registers with its login and its profile. */
    public record ExpertRegistration(String username, String password,
            @NotBlank @Size(max = 50) @SingleLine String name, @NotBlank @ResidentId String idNumber,
            @NotBlank @Uscc String employerUscc,
            @NotEmpty(message = "{member.specialties.required}")
            @Size(max = 20, message = "{member.specialties.too-many}") List<@NotNull @Pattern(
                    regexp = SPECIALTY, message = "{member.specialties.format}") String> specialties,
            @NotBlank @EnumName(value = ExpertTitle.class, message = "{member.title.unknown}") String title,
            @NotNull @Min(value = 0, message = "{member.years.range}")
            @Max(value = 70, message = "{member.years.range}") Integer yearsInField,
            @NotBlank @Pattern(regexp = MOBILE, message = "{member.phone.mobile}") String phone) {

        public ExpertProfileInput profile() {
            return new ExpertProfileInput(name, idNumber, employerUscc, specialties, title, yearsInField, phone);
        }
    }

    /** The whole editable expert profile. */
    public record ExpertProfileInput(@NotBlank @Size(max = 50) @SingleLine String name,
            @NotBlank @ResidentId String idNumber, @NotBlank @Uscc String employerUscc,
            @NotEmpty(message = "{member.specialties.required}")
            @Size(max = 20, message = "{member.specialties.too-many}") List<@NotNull @Pattern(
                    regexp = SPECIALTY, message = "{member.specialties.format}") String> specialties,
            @NotBlank @EnumName(value = ExpertTitle.class, message = "{member.title.unknown}") String title,
            @NotNull @Min(value = 0, message = "{member.years.range}")
            @Max(value = 70, message = "{member.years.range}") Integer yearsInField,
            @NotBlank @Pattern(regexp = MOBILE, message = "{member.phone.mobile}") String phone) {
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

    /** Why staff act (required to return, suspend or cancel; the service says when). */
    public record Decision(@Size(max = 1000) String reason) {
    }
}
