package org.sunbid.demo.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.BidSubmissions;
import org.sunbid.bid.BidView;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.Receipt;
import org.sunbid.bid.UploadId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.CertificateBinding;
import org.sunbid.opening.JoinOpening;
import org.sunbid.opening.OpeningHall;
import org.sunbid.opening.ReleaseShare;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectView;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.tender.BidForm;
import org.sunbid.signing.threshold.SessionRelease;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * The demo tender's bidding and opening: the demo bidders (keys bound, deposits paid) seal their tenders as bidtool
 * does and submit them through {@link BidSubmissions}, so each gets a real receipt; at the opening they enter the hall,
 * and the demo custodians release their shares signed with their demo keys. The bidders and custodians are people
 * outside the platform, so they act from the demo tender's own thread, not from platform jobs.
 */
@Component
public class DemoBidding {

    private static final Logger log = LoggerFactory.getLogger(DemoBidding.class);
    /** The demo estimate the bid prices are drawn around. */
    public static final BigDecimal ESTIMATE = new BigDecimal("8600000.00");

    private final PlatformProperties platform;
    private final AccountManagement accounts;
    private final CertificateBinding members;
    private final OpeningKeys openingKeys;
    private final BidManagement bids;
    private final BidSubmissions submissions;
    private final OpeningHall openings;
    private final ReleaseShare shareReleases;
    private final JoinOpening hallEntries;
    private final DemoDepositPayments payments;
    private final PlatformTrust trust;
    private volatile DemoCa demoCa;

    DemoBidding(PlatformProperties platform, AccountManagement accounts, CertificateBinding members,
            OpeningKeys openingKeys, BidManagement bids, BidSubmissions submissions, OpeningHall openings, ReleaseShare shareReleases,
            JoinOpening hallEntries, DemoDepositPayments payments, PlatformTrust trust) {
        this.platform = platform;
        this.accounts = accounts;
        this.members = members;
        this.openingKeys = openingKeys;
        this.bids = bids;
        this.submissions = submissions;
        this.openings = openings;
        this.shareReleases = shareReleases;
        this.hallEntries = hallEntries;
        this.payments = payments;
        this.trust = trust;
    }

    /** A demo bidder: its number (for its price and fingerprint), account and demo key. */
    public record Bidder(int number, String username, CurrentUser user, String company, SigningKey key) {
    }

    /** The demo bidders with their demo keys bound, their deposits paid. */
    public List<Bidder> bidders(List<String> usernames, DemoPeople people, ProjectView project, UUID lot) {
        List<Bidder> list = new ArrayList<>();
        int number = 0;
        for (String username : usernames) {
            number++;
            CurrentUser user = DemoPeople.memberUser(accounts, username, Role.BIDDER);
            UUID member = user.requireMember();
            String company = DemoPeople.account(accounts, username).displayName();
            SigningKey key = DemoBidderFiles.boundKey(platform, this::demoCa, members, people.staff(), username, company,
                    member);
            list.add(new Bidder(number, username, user, company, key));
        }
        payments.pay(people.staff(), project.id(), lot,
                list.stream().map(b -> new DemoDepositPayments.Payer(b.user(), b.company())).toList());
        return list;
    }

    /** Sends the bidder's sealed tender unless it has a live bid or the deadline has passed. */
    public void submit(Bidder bidder, ProjectView project, UUID lot, Instant now) {
        if (bids.mine(bidder.user(), LotId.of(lot)).stream().anyMatch(DemoBidding::live)) {
            return;
        }
        if (now.isAfter(project.bidDeadline())) {
            log.info("Demo tender {}: {} did not bid before the deadline (the platform was down?)",
                    project.transactionCode(), bidder.username());
            return;
        }
        try {
            X509Certificate opening = openingKeys.certificate(LotId.of(lot));
            BigDecimal price = DemoBidderFiles.price(ESTIMATE, bidder.number());
            BidForm form = new BidForm(lot.toString(), price, (300 + 10 * bidder.number()) + " 日历天", "合格",
                    PROJECT_MANAGERS[(bidder.number() - 1) % PROJECT_MANAGERS.length], "DEMO-BH-" + bidder.username(),
                    DemoBidderFiles.fingerprint(bidder.number(), bidder.username()));
            Path folder = platform.dataDir().resolve("demo-tender").resolve(bidder.username());
            DemoBidderFiles.SealedTender tender = DemoBidderFiles.make(folder, bidder.key(), opening, form,
                    bidder.company(), project.transactionCode(), project.name(), "第1标段 " + project.lots().get(0).name());
            BidSubmissions.UploadState upload = submissions.startUpload(bidder.user(), ProjectId.of(project.id()), LotId.of(lot), tender.size(),
                    tender.sha256());
            try (InputStream in = Files.newInputStream(tender.sealed())) {
                submissions.append(bidder.user(), UploadId.of(upload.uploadId()), 0, in);
            }
            Receipt receipt = submissions.complete(bidder.user(), UploadId.of(upload.uploadId()), tender.manifestBase64(), "127.0.0.1");
            log.info("Demo tender {}: {} ({}) submitted a sealed tender of {} bytes, receipt for bid {} at {}",
                    project.transactionCode(), bidder.username(), bidder.company(), tender.size(), receipt.bidId(),
                    receipt.receivedAt());
        } catch (ProblemException e) {
            log.warn("Demo tender {}: {}'s bid was refused: {}", project.transactionCode(), bidder.username(), e.type());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String[] PROJECT_MANAGERS = { "王建国", "李志强", "张海燕", "刘晓东", "陈文博", "杨国庆" };

    private static boolean live(BidView b) {
        return b.withdrawnAt() == null && b.replacedBy() == null;
    }

    /** Waits for the platform's open-bids job to start the session (it fires at the opening time). */
    public OpeningHall.SessionView awaitSession(ProjectView project, UUID lot, DemoPace pace) {
        pace.sleepUntil(project.openingAt());
        OpeningHall.SessionView view = awaitLeaving("NOT_STARTED", project, lot, pace);
        if ("NOT_STARTED".equals(view.status())) {
            log.warn("Demo tender {}: the open-bids job has not started the session {} after the opening time "
                    + "(is sunbid.scheduler.enabled off on every node?)", project.transactionCode(), SESSION_PATIENCE);
        }
        return view;
    }

    /** The hall once the clustered decrypt-bids job has ended decryption (or after {@link #SESSION_PATIENCE}). */
    public OpeningHall.SessionView awaitDecryption(ProjectView project, UUID lot, DemoPace pace) {
        return awaitLeaving("OPENING", project, lot, pace);
    }

    private static final Duration SESSION_PATIENCE = Duration.ofMinutes(10);

    private OpeningHall.SessionView awaitLeaving(String status, ProjectView project, UUID lot, DemoPace pace) {
        Instant giveUp = pace.now().plus(SESSION_PATIENCE);
        while (true) {
            OpeningHall.SessionView view = openings.view(DemoPeople.platformActor(), ProjectId.of(project.id()), LotId.of(lot));
            if (!status.equals(view.status()) || pace.now().isAfter(giveUp)) {
                return view;
            }
            pace.sleep(Duration.ofMillis(500));
        }
    }

    /** Custodian {@code n} releases its share if the session still waits for shares; false once the lot is opened. */
    public boolean release(int n, String username, ProjectView project, UUID lot) {
        OpeningHall.SessionView view = openings.view(DemoPeople.platformActor(), ProjectId.of(project.id()), LotId.of(lot));
        if (!"WAITING_FOR_SHARES".equals(view.status())) {
            return false;
        }
        Optional<AccountManagement.AccountView> account = accounts.findByUsername(username);
        if (account.isEmpty()) {
            return true;
        }
        CurrentUser custodian = new CurrentUser(account.get().id(), account.get().username(), Role.CUSTODIAN, Optional.empty());
        join(custodian, username, project, lot);
        char[] password = platform.keys().passphrase().toCharArray();
        SigningKey key = demoCa().custodian(n, password);
        for (OpeningKeys.SealedShare sealed : openingKeys.sharesOf(custodian)) {
            if (!sealed.lotId().equals(lot) || view.releasedShares().contains(sealed.index())) {
                continue;
            }
            Share share = ThresholdKeys.open(Base64.getDecoder().decode(sealed.sealedBase64()), key);
            try {
                // as a custodian's client does: check the session key against the platform root, seal, sign the sealed bytes
                ReleaseShare.SessionKeyView session = shareReleases.sessionKey(ProjectId.of(project.id()), LotId.of(lot));
                X509Certificate certificate = Certificates.parse(session.certificate().getBytes(StandardCharsets.US_ASCII));
                SessionRelease.check(lot, session.keyId(), certificate, session.binding(),
                        Base64.getDecoder().decode(session.bindingSignature()), trust.root(), Instant.now());
                SessionRelease.Sealed release = SessionRelease.seal(share, certificate, key);
                view = shareReleases.release(custodian, ProjectId.of(project.id()), LotId.of(lot), new ReleaseShare.SealedRelease(
                        null, session.keyId(), sealed.index(), Base64.getEncoder().encodeToString(release.envelope()),
                        Base64.getEncoder().encodeToString(release.signature())));
                log.info("Demo tender {}: {} released share {} ({} of {} needed); session {}",
                        project.transactionCode(), username, sealed.index(), view.releasedShares().size(), view.threshold(),
                        view.status());
            } catch (ProblemException e) {
                log.warn("Demo tender {}: {}'s share was refused: {}", project.transactionCode(), username, e.type());
            }
        }
        return !"OPENED".equals(view.status());
    }

    /** The demo CA (its files hold the demo custodians' keys); loaded once, as each PKCS#12 costs a slow PBKDF2. */
    public DemoCa demoCa() {
        DemoCa ca = demoCa;
        if (ca == null) {
            ca = DemoCa.loadOrCreate(platform.caDirectory(), platform.keys().passphrase().toCharArray());
            demoCa = ca;
        }
        return ca;
    }

    /** Enters the opening hall (签到) as a bidder of the lot or a custodian named for it; idempotent. */
    public void join(CurrentUser user, String username, ProjectView project, UUID lot) {
        if (user.is(Role.BIDDER) && bids.mine(user, LotId.of(lot)).stream().noneMatch(DemoBidding::live)) {
            return;
        }
        try {
            hallEntries.join(user, ProjectId.of(project.id()), LotId.of(lot));
        } catch (ProblemException e) {
            log.warn("Demo tender {}: {} could not join the hall: {}", project.transactionCode(), username, e.type());
        }
    }
}
