package org.sunbid.deposit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.deposit.internal.BidValidityPeriods;
import org.sunbid.deposit.internal.GuaranteeTerms;
import org.sunbid.deposit.internal.Guarantees;
import org.sunbid.deposit.internal.PdfGuarantee;
import org.sunbid.deposit.internal.SignedGuarantee;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;

/**
 * Electronic guarantees (电子保函): staff keep a trust list of issuer certificates; a bidder uploads a guarantee as
 * CMS-signed JSON or as a PAdES-signed PDF carrying the same JSON as an attachment; the platform verifies signature,
 * issuer, applicant, beneficiary (the tenderee), lot, amount, validity and single use, and a verified guarantee secures
 * that bidder's deposit for that lot. Accepted and refused uploads go to the supervision log sealed until the opening,
 * like payers.
 */
@Service
public class GuaranteeManagement {

    /** Largest signed guarantee accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final Guarantees guarantees;
    private final DepositManagement deposits;
    private final DepositLookups lookups;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BidValidityPeriods validity;
    private final int bidValidityDays;

    GuaranteeManagement(Guarantees guarantees, DepositManagement deposits, DepositLookups lookups,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
            BidValidityPeriods validity, @Value("${sunbid.deposit.bid-validity-days:90}") int bidValidityDays) {
        this.guarantees = guarantees;
        this.validity = validity;
        this.deposits = deposits;
        this.lookups = lookups;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.bidValidityDays = bidValidityDays;
    }

    // bid validity period

    /** A project's bid validity period: recorded by staff, or the configured default. */
    public record BidValidity(UUID project, int days, boolean recorded) {
    }

    @Transactional(readOnly = true)
    public BidValidity bidValidity(ProjectId project) {
        lookups.project(project.value()); // 404 for an unknown project
        return validity.days(project.value()).map(d -> new BidValidity(project.value(), d, true))
                .orElse(new BidValidity(project.value(), bidValidityDays, false));
    }

    /**
     * Staff record the bid validity period of a project's tender documents (1–365 days, checked at the web edge).
     * Guarantees are checked against it, so it is fixed once the bid deadline has passed.
     */
    @Transactional
    public BidValidity setBidValidity(CurrentUser staff, ProjectId project, int days) {
        ProjectView p = lookups.project(project.value());
        if (p.bidDeadline() != null && !clock.instant().isBefore(p.bidDeadline())) {
            throw ProblemException.conflict("bid-validity-fixed", "days", "deposit.bid-validity.fixed");
        }
        validity.set(project.value(), days, staff.accountId(), clock.instant());
        events.publishEvent(new DepositEvents.BidValiditySet(project.value(), days, staff.accountId(), clock.instant()));
        return new BidValidity(project.value(), days, true);
    }

    // trust list

    /** An issuer on the trust list, as staff see it. */
    public record IssuerView(UUID id, String name, String subject, String fingerprint, Instant notAfter,
            Instant addedAt, Instant removedAt) {
    }

    @Transactional
    public GuaranteeIssuerId trustIssuer(CurrentUser staff, String name, String certificatePem) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ProblemException.invalid("name", "deposit.guarantee.issuer-name");
        }
        X509Certificate cert;
        try {
            cert = Certificates.parse(certificatePem == null ? null : certificatePem.getBytes(StandardCharsets.US_ASCII));
        } catch (Certificates.InvalidCertificateException e) {
            throw ProblemException.invalid("certificate", "deposit.guarantee.certificate", e.getMessage());
        }
        UUID id = UUID.randomUUID();
        String fingerprint = Certificates.fingerprint(cert);
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw ProblemException.invalid("certificate", "deposit.guarantee.certificate", e.getMessage());
        }
        if (!guarantees.insertIssuer(new Guarantees.Issuer(id, name.strip(), fingerprint, der, staff.accountId(),
                clock.instant(), null))) {
            throw ProblemException.conflict("guarantee-issuer-listed", "certificate", "deposit.guarantee.issuer-listed");
        }
        events.publishEvent(new DepositEvents.GuaranteeIssuerTrusted(id, name.strip(), fingerprint, staff.accountId(),
                clock.instant()));
        return GuaranteeIssuerId.of(id);
    }

    /** Takes an issuer off the trust list: no new guarantee of it is accepted (accepted ones stay). */
    @Transactional
    public void removeIssuer(CurrentUser staff, GuaranteeIssuerId issuerId) {
        UUID issuer = issuerId.value();
        if (!guarantees.removeIssuer(issuer, staff.accountId(), clock.instant())) {
            throw ProblemException.notFound("issuer", issuer);
        }
        events.publishEvent(new DepositEvents.GuaranteeIssuerRemoved(issuer, staff.accountId(), clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<IssuerView> issuers() {
        return guarantees.allIssuers().stream().map(i -> {
            X509Certificate c = Certificates.parse(i.certificate());
            return new IssuerView(i.id(), i.name(), c.getSubjectX500Principal().getName(), i.fingerprint(),
                    c.getNotAfter().toInstant(), i.addedAt(), i.removedAt());
        }).toList();
    }

    // guarantees

    /** A guarantee as its bidder (or, after the opening, staff) sees it. */
    public record GuaranteeView(UUID id, String issuer, String guaranteeNo, UUID project, UUID lot, Money amount,
            LocalDate validUntil, Guarantees.State state, Instant acceptedAt, UUID claimDocument) {
        static GuaranteeView of(Guarantees.Guarantee g) {
            return new GuaranteeView(g.id(), g.issuerName(), g.number(), g.project(), g.lot(), g.amount(),
                    g.validUntil(), g.state(), g.acceptedAt(), g.claimDocument());
        }
    }

    @Transactional(readOnly = true)
    public List<GuaranteeView> mine(CurrentUser bidder) {
        return guarantees.ofMember(bidder.requireMember()).stream().map(GuaranteeView::of).toList();
    }

    /**
     * Verifies a bidder's signed guarantee for a lot and, when every rule holds, lets it secure the deposit. A refused
     * guarantee is a 4xx problem naming the rule; the refusal is logged (sealed) and nothing is stored.
     */
    public GuaranteeView upload(CurrentUser bidder, ProjectId projectId, LotId lot, byte[] signed) {
        UUID lotId = lot.value();
        UUID member = bidder.requireMember();
        ProjectView project = deposits.publishedProject(projectId.value(), lotId);
        try {
            return transaction.execute(status -> accept(bidder, member, project, lotId, signed));
        } catch (ProblemException e) {
            events.publishEvent(new DepositEvents.GuaranteeRefused(lotId, member, e.type(), bidder.accountId(),
                    clock.instant()));
            throw e;
        }
    }

    private GuaranteeView accept(CurrentUser bidder, UUID member, ProjectView project, UUID lotId, byte[] signed) {
        if (signed == null || signed.length == 0 || signed.length > MAX_BYTES) {
            throw ProblemException.invalid("document", "deposit.guarantee.size", MAX_BYTES);
        }
        SignedGuarantee valid = PdfGuarantee.isPdf(signed) ? PdfGuarantee.read(signed) : cmsSigned(signed);
        Guarantees.Issuer issuer = trustedIssuerOf(valid.signer(), valid.signedAt())
                .orElseThrow(() -> ProblemException.rule("guarantee-untrusted-issuer", "issuer",
                        "deposit.guarantee.untrusted-issuer"));
        GuaranteeTerms terms = GuaranteeTerms.parse(valid.terms());
        ProjectView.LotView lot = project.lots().stream().filter(l -> l.id().equals(lotId)).findFirst().orElseThrow();
        LocalDate deadlineDay = LocalDate.ofInstant(project.bidDeadline(), PlatformZone.ZONE);
        GuaranteeTerms.Expected expected = new GuaranteeTerms.Expected(project.transactionCode(), lot.number(),
                lookups.uscc(member).orElse(""),
                project.tendereeMemberId() == null ? "" : lookups.uscc(project.tendereeMemberId()).orElse(""),
                new Money(lot.deposit()), deadlineDay,
                deadlineDay.plusDays(validity.days(project.id()).orElse(bidValidityDays)),
                LocalDate.ofInstant(clock.instant(), PlatformZone.ZONE));
        terms.check(expected).ifPresent(r -> {
            throw ProblemException.rule(r.type(), r.field(), r.messageKey());
        });
        String sha256 = valid.sha256();
        Optional<Guarantees.Guarantee> same = guarantees.sameGuarantee(issuer.id(), terms.number(), sha256);
        if (same.isPresent()) {
            Guarantees.Guarantee g = same.get();
            if (g.lot().equals(lotId) && g.member().equals(member) && g.contentSha256().equals(sha256)) {
                return GuaranteeView.of(g); // the same upload again
            }
            throw ProblemException.conflict("guarantee-reused", "guaranteeNo", "deposit.guarantee.reused");
        }
        if (guarantees.inForce(lotId, member).isPresent()) {
            throw ProblemException.conflict("guarantee-in-force", "lotId", "deposit.guarantee.in-force");
        }
        deposits.openAccount(project, lotId, member); // a forfeit and its claim refer to the deposit
        Guarantees.Guarantee g = new Guarantees.Guarantee(UUID.randomUUID(), issuer.id(), issuer.name(), terms.number(),
                project.id(), lotId, member, terms.amount(), terms.validUntil(),
                valid.signer().getSubjectX500Principal().getName(), sha256, Guarantees.State.ACCEPTED,
                clock.instant(), null);
        try {
            guarantees.insert(g, signed);
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("guarantee-reused", "guaranteeNo", "deposit.guarantee.reused");
        }
        events.publishEvent(new DepositEvents.GuaranteeAccepted(g.id(), lotId, member, issuer.name(), terms.number(),
                terms.amount().amount(), bidder.accountId(), clock.instant()));
        return GuaranteeView.of(g);
    }

    /** A guarantee as CMS-signed JSON (.p7s): the signed content is the terms. */
    private SignedGuarantee cmsSigned(byte[] signed) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        SignatureCheck check = CmsVerifier.verify(new ByteArrayInputStream(signed), null, content,
                VerifyOptions.signatureOnly());
        if (!(check instanceof SignatureCheck.Valid valid)) {
            throw refusedSignature((SignatureCheck.Invalid) check);
        }
        return new SignedGuarantee(valid.signer(), valid.signingTime() != null ? valid.signingTime() : clock.instant(),
                content.toByteArray(), valid.contentSha256Hex());
    }

    private static ProblemException refusedSignature(SignatureCheck.Invalid invalid) {
        return switch (invalid.failure()) {
            case BAD_SIGNATURE, CONTENT_MISMATCH -> ProblemException.rule("guarantee-altered", "document",
                    "deposit.guarantee.altered");
            case UNKNOWN_OR_UNTRUSTED_SIGNER -> ProblemException.rule("guarantee-untrusted-issuer", "issuer",
                    "deposit.guarantee.untrusted-issuer");
            case CERT_EXPIRED_AT_SIGNING -> ProblemException.rule("guarantee-issuer-expired", "issuer",
                    "deposit.guarantee.issuer-expired");
            case UNSUPPORTED_ALGORITHM, MALFORMED -> ProblemException.invalid("document",
                    "deposit.guarantee.not-signed");
        };
    }

    /**
     * The trust-list entry behind a signer: the signer's own certificate listed, or a listed CA certificate that
     * issued it directly and was valid when it signed.
     */
    private Optional<Guarantees.Issuer> trustedIssuerOf(X509Certificate signer, Instant at) {
        List<Guarantees.Issuer> trusted = guarantees.trusted();
        String fingerprint = Certificates.fingerprint(signer);
        for (Guarantees.Issuer i : trusted) {
            if (i.fingerprint().equals(fingerprint)) {
                return Optional.of(i);
            }
        }
        for (Guarantees.Issuer i : trusted) {
            X509Certificate ca = Certificates.parse(i.certificate());
            if (ca.getBasicConstraints() >= 0 && ca.getSubjectX500Principal().equals(signer.getIssuerX500Principal())
                    && issued(ca, signer, at)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean issued(X509Certificate ca, X509Certificate signer, Instant at) {
        try {
            ca.checkValidity(java.util.Date.from(at));
            signer.verify(ca.getPublicKey(), Certificates.provider());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
