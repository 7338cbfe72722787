package org.sunbid.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditCheck;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.PasswordPolicy;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberForms.CompanyProfileInput;
import org.sunbid.member.MemberForms.CompanyRegistration;
import org.sunbid.member.MemberForms.ExpertProfileInput;
import org.sunbid.member.MemberForms.ExpertRegistration;
import org.sunbid.member.MemberForms.QualificationInput;
import org.sunbid.member.MemberViews.Registered;
import org.sunbid.member.internal.FormFields;
import org.sunbid.member.internal.MemberCertificates;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.member.internal.ScanPolicy;
import org.sunbid.platform.BlobStore;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.certs.Certificates;

/**
 * The member registry: registration of companies and experts (with their login), staff review, self-service
 * profile, qualification certificates, bound X.509 certificates, and relationships between members. Every change is
 * written to the append-only member history and published as an event.
 */
@Service
@Transactional
public class MemberManagement {

    /** Dates of expiry are read in the centre's time zone. */
    public static final ZoneId ZONE = org.sunbid.platform.PlatformZone.ZONE;

    private final Members members;
    private final MemberCertificates certificates;
    private final MemberHistory history;
    private final AccountManagement accounts;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** The credit feature's gate: banned parties are refused at registration and approval. */
    private final CreditCheck credit;

    private final org.sunbid.member.internal.CertificateTrust trust;

    MemberManagement(Members members, MemberCertificates certificates, MemberHistory history,
            AccountManagement accounts, BlobStore blobs, ApplicationEventPublisher events, Clock clock,
            CreditCheck credit, org.sunbid.member.internal.CertificateTrust trust) {
        this.trust = trust;
        this.credit = credit;
        this.members = members;
        this.certificates = certificates;
        this.history = history;
        this.accounts = accounts;
        this.blobs = blobs;
        this.events = events;
        this.clock = clock;
    }

    // registration

    /**
     * A company registers: a PENDING member and its login account, in one transaction. {@code uploads} holds the
     * qualification scans keyed by field name ({@code qualifications[0].scan}).
     */
    public Registered registerCompany(CompanyRegistration form, Map<String, Upload> uploads) {
        if (form == null) {
            throw ProblemException.invalid("registration", "member.field.required", "registration");
        }
        Role role = companyRole(form.role());
        AccountManagement.checkUsername(form.username());
        PasswordPolicy.check("password", form.password());
        CompanyProfile profile = readCompany(form.profile());
        List<QualificationInput> qualifications = form.qualifications() == null ? List.of() : form.qualifications();
        List<CheckedQualification> checked = checkQualifications(qualifications, uploads == null ? Map.of() : uploads);
        refuseDuplicateUscc(profile.uscc(), null);
        credit.refuseIfCodeBanned(profile.uscc().value(), BanScope.ALL, clock.instant(), "uscc");
        if (accounts.usernameTaken(form.username())) {
            throw ProblemException.conflict("duplicate-username", "username", "identity.username.taken",
                    form.username());
        }
        Instant now = clock.instant();
        Member member = Member.registerCompany(UUID.randomUUID(), role, profile, now);
        insert(member);
        UUID account = accounts.createMemberAccount(form.username(), form.password(), role, member.id(),
                profile.name());
        history.append(member.id(), now, account, "REGISTERED", null,
                Map.of("role", role.name(), "name", profile.name(), "uscc", profile.uscc().value()));
        events.publishEvent(new MemberEvents.MemberRegistered(member.id(), role, profile.name(), account, now));
        for (CheckedQualification q : checked) {
            storeQualification(member.id(), q, account, now);
        }
        return new Registered(member.id(), member.status(), account);
    }

    /** An expert registers: a PENDING member and its login account, in one transaction. */
    public Registered registerExpert(ExpertRegistration form) {
        if (form == null) {
            throw ProblemException.invalid("registration", "member.field.required", "registration");
        }
        AccountManagement.checkUsername(form.username());
        PasswordPolicy.check("password", form.password());
        ExpertProfile profile = readExpert(form.profile());
        if (members.idByExpertIdNumber(profile.idNumber()).isPresent()) {
            throw ProblemException.conflict("duplicate-expert", "idNumber", "member.expert.duplicate");
        }
        if (accounts.usernameTaken(form.username())) {
            throw ProblemException.conflict("duplicate-username", "username", "identity.username.taken",
                    form.username());
        }
        Instant now = clock.instant();
        Member member = Member.registerExpert(UUID.randomUUID(), profile, now);
        insert(member);
        UUID account = accounts.createMemberAccount(form.username(), form.password(), Role.EXPERT, member.id(),
                profile.name());
        history.append(member.id(), now, account, "REGISTERED", null, Map.of("role", "EXPERT", "name",
                profile.name(), "eligibleForPool", profile.eligibleForPool()));
        events.publishEvent(new MemberEvents.MemberRegistered(member.id(), Role.EXPERT, profile.name(), account, now));
        return new Registered(member.id(), member.status(), account);
    }

    private void insert(Member member) {
        try {
            members.insert(member);
        } catch (DuplicateKeyException e) {
            if (member.expert().isPresent()) {
                throw ProblemException.conflict("duplicate-expert", "idNumber", "member.expert.duplicate");
            }
            throw ProblemException.conflict("duplicate-uscc", "uscc", "member.uscc.taken",
                    member.company().orElseThrow().uscc().value());
        }
    }

    private void refuseDuplicateUscc(UnifiedSocialCreditCode uscc, UUID self) {
        Optional<UUID> holder = members.idByUscc(uscc);
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw ProblemException.conflict("duplicate-uscc", "uscc", "member.uscc.taken", uscc.value());
        }
    }

    private static Role companyRole(String raw) {
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

    // reading forms

    private static CompanyProfile readCompany(CompanyProfileInput f) {
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

    private static ExpertProfile readExpert(ExpertProfileInput f) {
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

    // qualifications

    private record CheckedQualification(String kind, String number, String grade, String issuer, LocalDate expiresOn,
            Upload scan, String scanType) {
    }

    private List<CheckedQualification> checkQualifications(List<QualificationInput> inputs,
            Map<String, Upload> uploads) {
        if (inputs.size() > 20) {
            throw ProblemException.invalid("qualifications", "member.qualifications.too-many", 20);
        }
        List<CheckedQualification> out = new ArrayList<>();
        Map<String, Upload> unused = new HashMap<>(uploads);
        for (int i = 0; i < inputs.size(); i++) {
            String p = "qualifications[" + i + "]";
            QualificationInput q = inputs.get(i);
            if (q == null) {
                throw ProblemException.invalid(p, "member.field.required", p);
            }
            Upload scan = unused.remove(p + ".scan");
            out.add(checkQualification(p, q, scan));
        }
        if (!unused.isEmpty()) {
            String field = unused.keySet().iterator().next();
            throw ProblemException.invalid(field, "member.scan.unexpected", field);
        }
        return out;
    }

    private static CheckedQualification checkQualification(String p, QualificationInput q, Upload scan) {
        String kind = FormFields.text(p + ".kind", q.kind(), 100);
        String number = FormFields.text(p + ".number", q.number(), 100);
        String grade = FormFields.optionalText(p + ".grade", q.grade(), 50);
        String issuer = FormFields.text(p + ".issuer", q.issuer(), 200);
        LocalDate expiresOn;
        try {
            expiresOn = LocalDate.parse(FormFields.text(p + ".expiresOn", q.expiresOn(), 10));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(p + ".expiresOn", "member.date.format");
        }
        if (scan == null) {
            throw ProblemException.invalid(p + ".scan", "member.scan.required", p + ".scan");
        }
        return new CheckedQualification(kind, number, grade, issuer, expiresOn, scan, ScanPolicy.check(scan));
    }

    private MemberViews.Qualification storeQualification(UUID memberId, CheckedQualification q, UUID actor,
            Instant now) {
        BlobStore.Blob blob;
        try (InputStream in = q.scan().content().open()) {
            blob = blobs.put(in, ScanPolicy.MAX_BYTES);
        } catch (BlobStore.TooLargeException e) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", q.scan().field(),
                    "member.scan.too-large", q.scan().field(), ScanPolicy.MAX_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID id = UUID.randomUUID();
        String fileName = q.scan().fileName() == null ? null
                : FormFields.optionalText("scanName", q.scan().fileName().replaceAll("\\p{Cntrl}", ""), 200);
        var row = new Members.QualificationRow(id, memberId, q.kind(), q.number(), q.grade(), q.issuer(),
                q.expiresOn(), blob.sha256(), q.scanType(), blob.size(), fileName, now);
        members.insertQualification(row);
        history.append(memberId, now, actor, "QUALIFICATION_ADDED", null, Map.of("qualification", id.toString(),
                "kind", q.kind(), "number", q.number(), "expiresOn", q.expiresOn().toString(), "scan", blob.sha256()));
        events.publishEvent(new MemberEvents.QualificationAdded(memberId, id, q.kind(), q.number(), q.expiresOn(),
                blob.sha256(), actor, now));
        return toView(row, today());
    }

    /** The member adds a qualification certificate with its scan. */
    public MemberViews.Qualification addQualification(UUID memberId, QualificationInput input, Upload scan,
            UUID actor) {
        Member member = load(memberId);
        if (member.status() == MemberStatus.CANCELLED || member.status() == MemberStatus.SUSPENDED) {
            throw illegalState(new IllegalTransitionException(member.status(), "changed"));
        }
        if (input == null) {
            throw ProblemException.invalid("qualification", "member.field.required", "qualification");
        }
        if (scan == null) {
            throw ProblemException.invalid("scan", "member.scan.required", "scan");
        }
        return storeQualification(memberId, checkQualification("qualification", input, scan), actor, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<MemberViews.Qualification> qualifications(UUID memberId) {
        LocalDate today = today();
        return members.qualifications(memberId).stream().map(r -> toView(r, today)).toList();
    }

    /** Qualifications already expired or expiring within {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    public List<MemberViews.Qualification> expiringQualifications(UUID memberId, int days) {
        if (days < 0 || days > 3650) {
            throw ProblemException.invalid("days", "member.days.range");
        }
        LocalDate limit = today().plusDays(days);
        return qualifications(memberId).stream().filter(q -> !q.expiresOn().isAfter(limit)).toList();
    }

    /** The scan of a qualification: media type and content. */
    public record Scan(String mediaType, String fileName, long size, InputStream content) {
    }

    @Transactional(readOnly = true)
    public Optional<Scan> scan(UUID memberId, UUID qualificationId) {
        return members.qualification(memberId, qualificationId).flatMap(q -> blobs.open(q.scanSha256())
                .map(in -> new Scan(q.scanType(), q.scanName(), q.scanSize(), in)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private static MemberViews.Qualification toView(Members.QualificationRow r, LocalDate today) {
        return new MemberViews.Qualification(r.id(), r.kind(), r.number(), r.grade(), r.issuer(), r.expiresOn(),
                r.expiresOn().isBefore(today), ChronoUnit.DAYS.between(today, r.expiresOn()), r.scanSha256(),
                r.scanType(), r.scanSize());
    }

    // review

    public MemberViews.MemberDetails approve(UUID memberId, UUID staff) {
        Member m = lock(memberId);
        Instant now = clock.instant();
        credit.refuseIfBanned(memberId, BanScope.ALL, now, "member");
        m.company().ifPresent(c -> credit.refuseIfCodeBanned(c.uscc().value(), BanScope.ALL, now, "uscc"));
        act(() -> m.approve(staff, now));
        members.update(m);
        // Enabling bumps the token version (logging the member out): do it only for logins that are disabled.
        if (accounts.accountsOfMember(memberId).stream().anyMatch(a -> !a.enabled())) {
            accounts.setMemberEnabled(memberId, true);
        }
        history.append(memberId, now, staff, "APPROVED", null, Map.of("status", m.status().name()));
        events.publishEvent(new MemberEvents.MemberApproved(memberId, staff, now));
        return MemberViews.MemberDetails.of(m);
    }

    public MemberViews.MemberDetails returnForCorrection(UUID memberId, String reason, UUID staff) {
        return review(memberId, reason, true, staff, "RETURNED", null, (m, why, now) -> m.returnForCorrection(why, staff, now),
                (why, now) -> new MemberEvents.MemberReturned(memberId, why, staff, now));
    }

    /** Suspends an approved member and disables its logins. */
    public MemberViews.MemberDetails suspend(UUID memberId, String reason, UUID staff) {
        return review(memberId, reason, true, staff, "SUSPENDED", false, (m, why, now) -> m.suspend(why, staff, now),
                (why, now) -> new MemberEvents.MemberSuspended(memberId, why, staff, now));
    }

    public MemberViews.MemberDetails reinstate(UUID memberId, String reason, UUID staff) {
        return review(memberId, reason, false, staff, "REINSTATED", true, (m, why, now) -> m.reinstate(why, staff, now),
                (why, now) -> new MemberEvents.MemberReinstated(memberId, why, staff, now));
    }

    /** Cancels a member for good and disables its logins. */
    public MemberViews.MemberDetails cancel(UUID memberId, String reason, UUID staff) {
        return review(memberId, reason, true, staff, "CANCELLED", false, (m, why, now) -> m.cancel(why, staff, now),
                (why, now) -> new MemberEvents.MemberCancelled(memberId, why, staff, now));
    }

    /** A staff review step on the aggregate. */
    private interface ReviewStep {
        void apply(Member member, String why, Instant now);
    }

    /** The past-tense event a review step publishes. */
    private interface ReviewEvent {
        Object of(String why, Instant now);
    }

    /**
     * One review transition: validated reason, the aggregate's own rule, the row, the logins ({@code enableLogins}
     * null leaves them alone), the history line and the event, in one transaction.
     */
    private MemberViews.MemberDetails review(UUID memberId, String reason, boolean reasonRequired, UUID staff,
            String action, Boolean enableLogins, ReviewStep step, ReviewEvent event) {
        String why = FormFields.multiline("reason", reason, 1000, reasonRequired);
        Member m = lock(memberId);
        Instant now = clock.instant();
        act(() -> step.apply(m, why, now));
        members.update(m);
        if (enableLogins != null) {
            accounts.setMemberEnabled(memberId, enableLogins);
        }
        history.append(memberId, now, staff, action, why, Map.of("status", m.status().name()));
        events.publishEvent(event.of(why, now));
        return MemberViews.MemberDetails.of(m);
    }

    private static void act(Runnable transition) {
        try {
            transition.run();
        } catch (IllegalTransitionException e) {
            throw illegalState(e);
        }
    }

    private static ProblemException illegalState(IllegalTransitionException e) {
        return new ProblemException(HttpStatus.CONFLICT, "illegal-member-state", "status", "member.status.illegal",
                Map.of("status", e.status().name()),
                new DefaultMessageSourceResolvable(new String[] { "member.status." + e.status().name() }, e.status().name()),
                new DefaultMessageSourceResolvable(new String[] { "member.action." + e.action() }, e.action()));
    }

    // self-service

    public MemberViews.MemberDetails changeCompanyProfile(UUID memberId, CompanyProfileInput input, UUID actor) {
        if (input == null) {
            throw ProblemException.invalid("profile", "member.field.required", "profile");
        }
        Member m = lock(memberId);
        CompanyProfile before = m.company().orElseThrow(
                () -> ProblemException.invalid("profile", "member.profile.expert-not-company"));
        CompanyProfile after = readCompany(input);
        refuseDuplicateUscc(after.uscc(), memberId);
        Instant now = clock.instant();
        boolean[] back = new boolean[1];
        act(() -> back[0] = m.changeProfile(after, now));
        List<String> fields = changedFields(before, after);
        members.update(m);
        history.append(memberId, now, actor, "PROFILE_CHANGED", null,
                Map.of("fields", fields, "backToReview", back[0], "status", m.status().name()));
        events.publishEvent(new MemberEvents.ProfileChanged(memberId, fields, back[0], actor, now));
        return MemberViews.MemberDetails.of(m);
    }

    public MemberViews.MemberDetails changeExpertProfile(UUID memberId, ExpertProfileInput input, UUID actor) {
        if (input == null) {
            throw ProblemException.invalid("profile", "member.field.required", "profile");
        }
        Member m = lock(memberId);
        ExpertProfile before = m.expert().orElseThrow(
                () -> ProblemException.invalid("profile", "member.profile.company-not-expert"));
        ExpertProfile after = readExpert(input);
        Optional<UUID> holder = members.idByExpertIdNumber(after.idNumber());
        if (holder.isPresent() && !holder.get().equals(memberId)) {
            throw ProblemException.conflict("duplicate-expert", "idNumber", "member.expert.duplicate");
        }
        Instant now = clock.instant();
        boolean[] back = new boolean[1];
        act(() -> back[0] = m.changeProfile(after, now));
        List<String> fields = new ArrayList<>();
        compare(fields, "name", before.name(), after.name());
        compare(fields, "idNumber", before.idNumber(), after.idNumber());
        compare(fields, "employerUscc", before.employer(), after.employer());
        compare(fields, "specialties", before.specialties(), after.specialties());
        compare(fields, "title", before.title(), after.title());
        compare(fields, "yearsInField", before.yearsInField(), after.yearsInField());
        compare(fields, "phone", before.phone(), after.phone());
        members.update(m);
        history.append(memberId, now, actor, "PROFILE_CHANGED", null,
                Map.of("fields", fields, "backToReview", back[0], "status", m.status().name()));
        events.publishEvent(new MemberEvents.ProfileChanged(memberId, fields, back[0], actor, now));
        return MemberViews.MemberDetails.of(m);
    }

    private static List<String> changedFields(CompanyProfile b, CompanyProfile a) {
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

    // certificates

    /** Binds an X.509 certificate (PEM text or base64 DER) to the member; refuses invalid or already-bound ones. */
    public MemberViews.Certificate bindCertificate(UUID memberId, String encoded, UUID actor) {
        Member m = lock(memberId);
        if (m.status() == MemberStatus.CANCELLED || m.status() == MemberStatus.SUSPENDED) {
            throw illegalState(new IllegalTransitionException(m.status(), "certificate-bound"));
        }
        X509Certificate certificate = parseCertificate(encoded);
        String algorithm;
        try {
            algorithm = Certificates.algorithmOf(certificate).name();
        } catch (Certificates.InvalidCertificateException e) {
            throw ProblemException.invalid("certificate", "member.certificate.invalid", e.getMessage());
        }
        Instant now = clock.instant();
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw ProblemException.rule("certificate-not-valid", "certificate", "member.certificate.expired",
                    certificate.getNotAfter().toInstant().toString());
        } catch (CertificateNotYetValidException e) {
            throw ProblemException.rule("certificate-not-valid", "certificate", "member.certificate.not-yet-valid",
                    certificate.getNotBefore().toInstant().toString());
        }
        trust.check(certificate).ifPresent(refusal -> {
            throw ProblemException.rule(refusal.rule(), "certificate", "member." + refusal.rule(),
                    certificate.getIssuerX500Principal().getName());
        });
        String fingerprint = Certificates.fingerprint(certificate);
        if (certificates.fingerprintBound(fingerprint)) {
            throw ProblemException.conflict("certificate-already-bound", "certificate",
                    "member.certificate.already-bound", fingerprint);
        }
        UUID id = UUID.randomUUID();
        try {
            certificates.insert(id, memberId, certificate, fingerprint, algorithm, actor, now);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("certificate-already-bound", "certificate",
                    "member.certificate.already-bound", fingerprint);
        } catch (CertificateEncodingException e) {
            throw ProblemException.invalid("certificate", "member.certificate.invalid", "encoding");
        }
        String subject = certificate.getSubjectX500Principal().getName();
        history.append(memberId, now, actor, "CERTIFICATE_BOUND", null,
                Map.of("fingerprint", fingerprint, "algorithm", algorithm, "subject", subject));
        events.publishEvent(new MemberEvents.CertificateBound(memberId, fingerprint, algorithm, subject,
                certificate.getNotAfter().toInstant(), actor, now));
        return certificates.list(memberId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Self-service binding. A member that already holds a bound certificate changes its keys only with that
     * certificate's consent: {@code endorsement} is a detached CMS signature (base64 DER), made with a currently
     * bound certificate, over the UTF-8 text of the new certificate's SHA-256 fingerprint (lower-case hex). Without
     * one, staff bind the new certificate after review ({@link #bindCertificate} with the staff account as actor).
     */
    public MemberViews.Certificate bindOwnCertificate(UUID memberId, String encoded, String endorsement, UUID actor) {
        List<X509Certificate> current = certificates.certificatesOf(memberId);
        if (!current.isEmpty()) {
            X509Certificate candidate = parseCertificate(encoded);
            String fingerprint = Certificates.fingerprint(candidate);
            if (!certificates.fingerprintBound(fingerprint) && !endorsedByCurrent(current, fingerprint, endorsement)) {
                throw ProblemException.rule("certificate-change-unendorsed", "endorsement",
                        "member.certificate.change-unendorsed", fingerprint);
            }
        }
        return bindCertificate(memberId, encoded, actor);
    }

    private static boolean endorsedByCurrent(List<X509Certificate> current, String fingerprint, String endorsement) {
        if (endorsement == null || endorsement.isBlank()) {
            return false;
        }
        byte[] cms;
        try {
            cms = Base64.getMimeDecoder().decode(endorsement.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] content = fingerprint.getBytes(StandardCharsets.UTF_8);
        for (X509Certificate certificate : current) {
            if (org.sunbid.signing.cms.CmsVerifier.verify(cms, content,
                    org.sunbid.signing.cms.VerifyOptions.expecting(certificate)) instanceof org.sunbid.signing.cms.SignatureCheck.Valid) {
                return true;
            }
        }
        return false;
    }

    private static X509Certificate parseCertificate(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            throw ProblemException.invalid("certificate", "member.field.required", "certificate");
        }
        byte[] bytes;
        if (encoded.contains("-----BEGIN")) {
            bytes = encoded.getBytes(StandardCharsets.US_ASCII);
        } else {
            try {
                bytes = Base64.getMimeDecoder().decode(encoded.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("certificate", "member.certificate.invalid", "not PEM or base64 DER");
            }
        }
        try {
            return Certificates.parse(bytes);
        } catch (Certificates.InvalidCertificateException e) {
            throw ProblemException.invalid("certificate", "member.certificate.invalid", e.getMessage());
        }
    }

    @Transactional(readOnly = true)
    public List<MemberViews.Certificate> certificates(UUID memberId) {
        return certificates.list(memberId);
    }

    public void revokeCertificate(UUID memberId, UUID certificateId, UUID actor) {
        Instant now = clock.instant();
        String fingerprint = certificates.revoke(memberId, certificateId, now)
                .orElseThrow(() -> ProblemException.notFound("certificate", certificateId));
        history.append(memberId, now, actor, "CERTIFICATE_REVOKED", null, Map.of("fingerprint", fingerprint));
        events.publishEvent(new MemberEvents.CertificateRevoked(memberId, fingerprint, actor, now));
    }

    // queries for other features and staff

    /** Refuses (403, type member-not-approved) unless the member exists and is approved: call before any act. */
    @Transactional(readOnly = true)
    public void requireApproved(UUID memberId) {
        MemberStatus status = members.status(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        if (status != MemberStatus.APPROVED) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "member-not-approved", null, "member.not-approved",
                    Map.of("status", status.name()),
                    new DefaultMessageSourceResolvable(new String[] { "member.status." + status.name() }, status.name()));
        }
    }

    /** An expert who may be drawn: approved, eight or more years in the field, a senior title. */
    public record PoolExpert(UUID id, String name, String employerUscc, List<String> specialties, ExpertTitle title,
            int yearsInField) {
    }

    /**
     * The expert pool (for the expert draw): approved experts eligible under the Bidding Law, optionally only those
     * with a specialty code starting with {@code specialtyPrefix}. The employer code lets the draw apply avoidance.
     */
    @Transactional(readOnly = true)
    public List<PoolExpert> poolExperts(String specialtyPrefix) {
        String prefix = specialtyPrefix == null ? "" : specialtyPrefix.strip();
        return members.approvedExperts().stream()
                .filter(m -> m.expert().orElseThrow().eligibleForPool())
                .filter(m -> m.expert().orElseThrow().specialties().stream().anyMatch(s -> s.startsWith(prefix)))
                .map(m -> {
                    ExpertProfile e = m.expert().orElseThrow();
                    return new PoolExpert(m.id(), e.name(), e.employer() == null ? null : e.employer().value(),
                            e.specialties(), e.title(), e.yearsInField());
                }).toList();
    }

    @Transactional(readOnly = true)
    public boolean isApproved(UUID memberId) {
        return members.status(memberId).map(s -> s == MemberStatus.APPROVED).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<MemberViews.MemberDetails> find(UUID memberId) {
        return members.find(memberId).map(MemberViews.MemberDetails::of);
    }

    @Transactional(readOnly = true)
    public MemberViews.MemberDetails details(UUID memberId) {
        return MemberViews.MemberDetails.of(load(memberId));
    }

    /** Members linked to this one by the same legal representative, by control, or by employment. */
    @Transactional(readOnly = true)
    public List<MemberViews.RelatedMember> relatedMembers(UUID memberId) {
        load(memberId);
        return members.related(memberId);
    }

    @Transactional(readOnly = true)
    public MemberViews.Page<MemberViews.MemberSummary> search(String name, String uscc, Role role, MemberStatus status,
            String region, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "member.page.range");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "member.size.range");
        }
        if (role != null && !role.isMemberRole()) {
            throw ProblemException.invalid("role", "member.role.unknown", role.name());
        }
        return members.search(name, uscc, role, status, region, page, size);
    }

    @Transactional(readOnly = true)
    public List<MemberViews.Agency> approvedAgencies(String regionPrefix) {
        return members.approvedAgencies(regionPrefix);
    }

    @Transactional(readOnly = true)
    public List<MemberViews.HistoryEntry> history(UUID memberId) {
        load(memberId);
        return history.of(memberId);
    }

    private Member load(UUID memberId) {
        return members.find(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    private Member lock(UUID memberId) {
        return members.findForUpdate(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
    }

    /** Snapshot used by tests and the demo seeder. */
    @Transactional(readOnly = true)
    public long count() {
        return members.count();
    }
}
