package org.sunbid.member;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountId;
import org.sunbid.member.internal.CertificateTrust;
import org.sunbid.member.internal.MemberCertificates;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.member.internal.Transitions;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;

/**
 * The member's X.509 certificates (数字证书绑定): bound by staff or by the member itself (a change of keys endorsed by a
 * certificate already bound), listed, revoked. A bound certificate signs the member in and signs its acts.
 */
@Service
@Transactional
public class CertificateBinding {

    private final Members members;
    private final MemberCertificates certificates;
    private final MemberHistory history;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CertificateTrust trust;

    CertificateBinding(Members members, MemberCertificates certificates, MemberHistory history,
            ApplicationEventPublisher events, Clock clock, CertificateTrust trust) {
        this.members = members;
        this.certificates = certificates;
        this.history = history;
        this.events = events;
        this.clock = clock;
        this.trust = trust;
    }

    /** Binds an X.509 certificate (PEM text or base64 DER) to the member; refuses invalid or already-bound ones. */
    public MemberViews.Certificate bindCertificate(MemberId member, String encoded, AccountId actorId) {
        UUID actor = actorId == null ? null : actorId.value(); // null: the platform itself (seeds, fixtures)
        UUID memberId = member.value();
        Member m = members.requireForUpdate(memberId);
        if (m.status() == MemberStatus.CANCELLED || m.status() == MemberStatus.SUSPENDED) {
            throw Transitions.illegalState(new IllegalTransitionException(m.status(), "certificate-bound"));
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
    public MemberViews.Certificate bindOwnCertificate(MemberId member, String encoded, String endorsement,
            AccountId actorId) {
        UUID actor = actorId == null ? null : actorId.value(); // null: the platform itself (seeds, fixtures)
        List<X509Certificate> current = certificates.certificatesOf(member);
        if (!current.isEmpty()) {
            X509Certificate candidate = parseCertificate(encoded);
            String fingerprint = Certificates.fingerprint(candidate);
            if (!certificates.fingerprintBound(fingerprint) && !endorsedByCurrent(current, fingerprint, endorsement)) {
                throw ProblemException.rule("certificate-change-unendorsed", "endorsement",
                        "member.certificate.change-unendorsed", fingerprint);
            }
        }
        return bindCertificate(member, encoded, AccountId.of(actor));
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
            if (CmsVerifier.verify(cms, content, VerifyOptions.expecting(certificate)) instanceof SignatureCheck.Valid) {
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
    public List<MemberViews.Certificate> certificates(MemberId member) {
        return certificates.list(member.value());
    }

    /** Revokes a bound certificate: it no longer signs in or signs for the member. */
    public void revokeCertificate(MemberId member, CertificateId certificate, AccountId actorId) {
        UUID certificateId = certificate.value();
        UUID actor = actorId == null ? null : actorId.value(); // null: the platform itself (seeds, fixtures)
        UUID memberId = member.value();
        Instant now = clock.instant();
        String fingerprint = certificates.revoke(memberId, certificateId, now)
                .orElseThrow(() -> ProblemException.notFound("certificate", certificateId));
        history.append(memberId, now, actor, "CERTIFICATE_REVOKED", null, Map.of("fingerprint", fingerprint));
        events.publishEvent(new MemberEvents.CertificateRevoked(memberId, fingerprint, actor, now));
    }
}
