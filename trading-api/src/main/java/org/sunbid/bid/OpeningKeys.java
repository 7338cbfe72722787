package org.sunbid.bid;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.CustodianCertificates;
import org.sunbid.bid.internal.LotKeys;
import org.sunbid.bid.internal.Lots;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectEvents;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.CryptoProfile;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * Per-lot opening keys: made when a project is published, the certificate kept and published, the private key split
 * k-of-n among the custodians and each share sealed to its custodian; the private key itself is never stored.
 */
@Service
@Transactional
public class OpeningKeys {

    private static final Logger log = LoggerFactory.getLogger(OpeningKeys.class);
    static final int MAX_CUSTODIANS = 16;

    private final CustodianCertificates custodianCertificates;
    private final LotKeys lotKeys;
    private final Lots lots;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final int threshold;
    private final int total;
    private final CryptoProfile profile;

    OpeningKeys(CustodianCertificates custodianCertificates, LotKeys lotKeys, Lots lots, ApplicationEventPublisher events, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${sunbid.opening.threshold:2}") int threshold,
            @org.springframework.beans.factory.annotation.Value("${sunbid.opening.custodians:3}") int total,
            @org.springframework.beans.factory.annotation.Value("${sunbid.opening.profile:INTERNATIONAL}") CryptoProfile profile) {
        if (threshold < 2 || total < threshold || total > MAX_CUSTODIANS) {
            throw new IllegalStateException("sunbid.opening.threshold/custodians must satisfy 2 <= k <= n <= 16");
        }
        this.threshold = threshold;
        this.total = total;
        this.profile = profile;
        this.custodianCertificates = custodianCertificates;
        this.lotKeys = lotKeys;
        this.lots = lots;
        this.events = events;
        this.clock = clock;
    }

    /** A custodian binds the certificate its shares will be sealed to. */
    public String bindCustodianCertificate(CurrentUser custodian, byte[] encoded) {
        X509Certificate certificate;
        try {
            certificate = Certificates.parse(encoded);
            certificate.checkValidity(java.util.Date.from(clock.instant()));
        } catch (Certificates.InvalidCertificateException e) {
            throw ProblemException.invalid("certificate", "bid.custodian.certificate-invalid", e.getMessage());
        } catch (java.security.cert.CertificateException e) {
            throw ProblemException.invalid("certificate", "bid.custodian.certificate-not-valid-now");
        }
        String fingerprint = Certificates.fingerprint(certificate);
        if (custodianCertificates.fingerprintTakenByOther(fingerprint, custodian.accountId())) {
            throw ProblemException.conflict("duplicate-certificate", "certificate", "bid.custodian.certificate-taken");
        }
        try {
            custodianCertificates.bindCustodian(custodian.accountId(), certificate.getEncoded(), fingerprint, clock.instant());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw ProblemException.invalid("certificate", "bid.custodian.certificate-invalid", e.getMessage());
        }
        events.publishEvent(new BidEvents.CustodianCertificateBound(custodian.accountId(), fingerprint, clock.instant()));
        return fingerprint;
    }

    /** Publication makes the lots' opening keys, in the same transaction: no published lot is left without one. */
    @EventListener
    public void onPublished(ProjectEvents.ProjectPublished published) {
        createFor(ProjectId.of(published.projectId()));
    }

    /** Creates the missing opening keys of a published project's lots; returns how many were made. */
    public int createFor(ProjectId projectId) {
        ProjectView project = lots.project(projectId.value());
        List<CustodianCertificates.CustodianCert> custodians = custodianCertificates.latestCustodians(total);
        if (custodians.size() < total) {
            log.warn("Project {} published but only {} of the {} custodians have certificates: no opening keys "
                    + "made; bids are refused until staff create them", project.transactionCode(), custodians.size(), total);
            return 0;
        }
        List<CustodianCertificates.CustodianCert> chosen = custodians;
        List<X509Certificate> certificates = new ArrayList<>();
        for (CustodianCertificates.CustodianCert c : chosen) {
            certificates.add(Certificates.parse(c.der()));
        }
        int made = 0;
        Instant now = clock.instant();
        for (ProjectView.LotView lot : project.lots()) {
            if (lotKeys.openingKey(lot.id()).isPresent()) {
                continue;
            }
            SigningKey key = CertificateIssuer.selfSigned("CN=Opening key " + project.transactionCode() + " lot "
                    + lot.number() + ",O=Sunbid", profile.keyAlgorithm(), Duration.ofDays(730));
            byte[] secret = key.privateKey().getEncoded();
            try {
                List<Share> shares = ThresholdKeys.split(secret, threshold, chosen.size());
                lotKeys.insertOpeningKey(new LotKeys.OpeningKeyRow(lot.id(), project.id(), key.certificate().getEncoded(),
                        shares.get(0).splitId(), threshold, chosen.size()), now);
                for (Share share : shares) {
                    lotKeys.insertShare(lot.id(), share.index(), chosen.get(share.index() - 1).account(),
                            ThresholdKeys.seal(share, certificates.get(share.index() - 1), profile.contentCipher()));
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            events.publishEvent(new BidEvents.OpeningKeyCreated(lot.id(), project.id(), threshold, chosen.size(), now));
            made++;
        }
        return made;
    }

    /** The suite of new opening keys: EC P-256 and AES-256-GCM, or SM2 and SM4-CBC under the GM profile. */
    public CryptoProfile profile() {
        return profile;
    }

    /**
     * The opening private key from its rebuilt PKCS#8 encoding, parsed for the certificate's algorithm (the JDK cannot
     * parse SM2 keys: those go through Bouncy Castle).
     */
    public static PrivateKey rebuild(byte[] pkcs8, X509Certificate certificate) throws GeneralSecurityException {
        KeyFactory factory = Certificates.algorithmOf(certificate) == Certificates.KeyAlgorithm.SM2
                ? KeyFactory.getInstance("EC", Certificates.provider()) : KeyFactory.getInstance("EC");
        return factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** The certificate of a published lot's opening key, in PEM (a 404 for a lot not published). */
    @Transactional(readOnly = true)
    public String certificatePem(ProjectId project, LotId lot) {
        UUID projectId = project.value();
        UUID lotId = lot.value();
        lots.published(projectId, lotId);
        return certificatePem(lot);
    }

    @Transactional(readOnly = true)
    public String certificatePem(LotId lot) {
        UUID lotId = lot.value();
        return lotKeys.openingKey(lotId).map(k -> Certificates.toPem(Certificates.parse(k.certificate())))
                .orElseThrow(() -> ProblemException.notFound("opening key", lotId));
    }

    @Transactional(readOnly = true)
    public X509Certificate certificate(LotId lot) {
        UUID lotId = lot.value();
        return lotKeys.openingKey(lotId).map(k -> Certificates.parse(k.certificate()))
                .orElseThrow(() -> ProblemException.rule("no-opening-key", "lotId", "bid.no-opening-key"));
    }

    /** The lot's opening certificate, if its opening key exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<X509Certificate> findCertificate(LotId lot) {
        UUID lotId = lot.value();
        return lotKeys.openingKey(lotId).map(k -> Certificates.parse(k.certificate()));
    }

    /** The opening certificates of a project's lots that have one, by lot. */
    @Transactional(readOnly = true)
    public java.util.Map<LotId, X509Certificate> certificatesOfProject(ProjectId project) {
        java.util.Map<LotId, X509Certificate> certificates = new java.util.LinkedHashMap<>();
        for (ProjectView.LotView lot : lots.project(project.value()).lots()) {
            LotId id = LotId.of(lot.id());
            findCertificate(id).ifPresent(c -> certificates.put(id, c));
        }
        return certificates;
    }

    /** A custodian's sealed shares, to open with its own key offline (bidtool open). */
    public record SealedShare(UUID projectId, UUID lotId, int index, String sealedBase64) {
    }

    @Transactional(readOnly = true)
    public List<SealedShare> sharesOf(CurrentUser custodian) {
        return lotKeys.sharesOf(custodian.accountId()).stream()
                .map(s -> new SealedShare(s.project(), s.lot(), s.index(),
                        java.util.Base64.getEncoder().encodeToString(s.sealed())))
                .toList();
    }

    /** A lot's opening key as the opening needs it: its certificate, which split its shares belong to, k of n. */
    public record LotKey(X509Certificate certificate, UUID splitId, int threshold, int total) {
    }

    @Transactional(readOnly = true)
    public java.util.Optional<LotKey> key(LotId lot) {
        return lotKeys.openingKey(lot.value())
                .map(k -> new LotKey(Certificates.parse(k.certificate()), k.splitId(), k.threshold(), k.total()));
    }

    /** The custodian account holding the lot's share {@code index}. */
    @Transactional(readOnly = true)
    public java.util.Optional<AccountId> shareHolder(LotId lot, int index) {
        return lotKeys.shareHolder(lot.value(), index).map(AccountId::of);
    }

    /** The certificate a custodian bound (its releases are signed with it). */
    @Transactional(readOnly = true)
    public java.util.Optional<X509Certificate> custodianCertificate(AccountId custodianAccountId) {
        UUID custodianAccount = custodianAccountId.value();
        return custodianCertificates.custodianCertificate(custodianAccount).map(Certificates::parse);
    }

    @Transactional(readOnly = true)
    public boolean isCustodianOf(LotId lot, AccountId accountId) {
        UUID account = accountId.value();
        return lotKeys.isCustodianOf(lot.value(), account);
    }

    /** A share of the lot's key and the custodian holding it. */
    public record ShareHolder(int index, UUID custodian) {
    }

    @Transactional(readOnly = true)
    public List<ShareHolder> shareHolders(LotId lot) {
        return lotKeys.shareHolders(lot.value()).stream().map(h -> new ShareHolder(h.index(), h.custodian())).toList();
    }

    /** Lots with an opening key, newest first: all of them, or those whose shares a custodian holds (when not null). */
    @Transactional(readOnly = true)
    public List<SealedBids.LotRef> lotsWithKeys(AccountId custodianIdOrNull, int limit) {
        UUID custodianOrNull = custodianIdOrNull == null ? null : custodianIdOrNull.value();
        return lotKeys.lotsWithKeys(custodianOrNull, limit).stream()
                .map(r -> new SealedBids.LotRef(ProjectId.of(r.project()),
                        LotId.of(r.lot())))
                .toList();
    }
}
