package org.sunbid.demo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.sunbid.bid.BidManagement;
import org.sunbid.bid.BidSubmissions;
import org.sunbid.bid.BidView;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.Receipt;
import org.sunbid.demo.internal.DemoBidderFiles;
import org.sunbid.demo.internal.DemoDepositPayments;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.opening.JoinOpening;
import org.sunbid.opening.OpeningHall;
import org.sunbid.opening.ReleaseShare;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.ProblemException;
import org.sunbid.project.LotId;
import org.sunbid.project.Procedure;
import org.sunbid.project.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectType;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;
import org.sunbid.project.ReviewItem;
import org.sunbid.scheduler.TimeAccelerator;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.tender.BidForm;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * The demo tender (issue 9): with {@code sunbid.demo=true}, one test project with a fixed id runs its whole life a few
 * minutes after start — registration, joint review and publication (opening keys made), sealed bids by the demo bidders
 * (made as bidtool makes them and submitted through {@link BidManagement}, so each gets a real receipt), the deadline,
 * the platform's own {@code open-bids} job, the demo custodians releasing their shares (signed with their demo keys),
 * the opening and the opening record notice.
 * <p>
 * Every step first looks at the platform's state and does only what is missing, so a second start adds nothing, and a
 * restart mid-way carries on from where the run stopped (a bid whose time came while the platform was down is sent at
 * once if the deadline has not passed; after the deadline the platform's rules decide, as for anyone). The bidders and
 * custodians are people outside the platform, so they act from one background thread, not from platform jobs.
 */
@Service
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
@EnableConfigurationProperties(DemoTenderProperties.class)
public class DemoTender {

    /** The demo tender's project by default; fixed, so that a second start finds it. */
    public static final String DEFAULT_PROJECT = "5d0b7e00-0000-4000-8000-000000000001";
    public static final UUID PROJECT = UUID.fromString(DEFAULT_PROJECT);
    private static final BigDecimal ESTIMATE = new BigDecimal("8600000.00");

    private static final Logger log = LoggerFactory.getLogger(DemoTender.class);

    private final DemoTenderProperties settings;
    private final PlatformProperties platform;
    private final AccountManagement accounts;
    private final MemberManagement members;
    private final ProjectManagement projects;
    private final OpeningKeys openingKeys;
    private final BidManagement bids;
    private final BidSubmissions submissions;
    private final OpeningHall openings;
    private final ReleaseShare shareReleases;
    private final JoinOpening hallEntries;
    private final TimeAccelerator accelerator;
    private final Clock clock;
    private final DemoDepositPayments payments;
    private final String baseUrl;

    private volatile boolean stopped;
    private volatile Thread runner;
    private volatile DemoCa demoCa;

    public DemoTender(DemoTenderProperties settings, PlatformProperties platform, AccountManagement accounts,
            MemberManagement members, ProjectManagement projects, OpeningKeys openingKeys, BidManagement bids, BidSubmissions submissions,
            OpeningHall openings, ReleaseShare shareReleases, JoinOpening hallEntries, TimeAccelerator accelerator, Clock clock, DemoDepositPayments payments,
            @Value("${sunbid.public-base-url:http://localhost:8080}") String baseUrl) {
        this.settings = settings;
        this.platform = platform;
        this.accounts = accounts;
        this.members = members;
        this.projects = projects;
        this.openingKeys = openingKeys;
        this.bids = bids;
        this.submissions = submissions;
        this.openings = openings;
        this.shareReleases = shareReleases;
        this.hallEntries = hallEntries;
        this.accelerator = accelerator;
        this.clock = clock;
        this.payments = payments;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Where the demo tender stands, for the log, the public status endpoint and tests. */
    public record Status(UUID projectId, UUID lotId, String transactionCode, String projectName, String phase,
            Instant bidDeadline, Instant openingAt, String hallPath, String hallUrl) {
    }

    /** The demo tender's state; empty before its project is registered. */
    public Optional<Status> status() {
        ProjectView p;
        try {
            p = projects.find(platformActor(), settings.project());
        } catch (ProblemException notYet) {
            return Optional.empty();
        }
        if (p.lots().isEmpty()) {
            return Optional.empty();
        }
        UUID lot = p.lots().get(0).id();
        String phase = p.status() == ProjectStatus.PUBLISHED
                ? openings.view(platformActor(), ProjectId.of(p.id()), LotId.of(lot)).status()
                : p.status().name();
        if ("NOT_STARTED".equals(phase)) {
            phase = clock.instant().isAfter(p.bidDeadline()) ? "DEADLINE_PASSED" : "BIDDING";
        }
        String hall = "/hall.html?project=" + p.id() + "&lot=" + lot;
        return Optional.of(new Status(p.id(), lot, p.transactionCode(), p.name(), phase, p.bidDeadline(), p.openingAt(),
                hall, baseUrl + hall));
    }

    // ------------------------------------------------------------------------------------------ running

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        if (!settings.enabled()) {
            log.info("Demo tender: off (sunbid.demo.tender.enabled=false)");
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (Stopped e) {
                log.info("Demo tender: stopped with the platform; the next start carries on");
            } catch (RuntimeException e) {
                log.warn("Demo tender: stopped by an error; the next start carries on from here", e);
            }
        }, "demo-tender");
        thread.setDaemon(true);
        runner = thread;
        thread.start();
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopped = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs the demo tender to its end (opening record or failed tender), doing only what is still missing; returns the
     * final status. Blocks for the tender's remaining lifetime.
     */
    public synchronized Status run() {
        People people = people();
        ProjectView project = publishedProject(people);
        UUID lot = project.lots().get(0).id();
        Status status = status().orElseThrow();
        log.info("Demo tender {} 「{}」 ({}): watch the opening at {} (sign in as {} or {}, demo password) — bids close {}, "
                + "opening at {}", project.transactionCode(), project.name(), status.phase(), status.hallUrl(),
                settings.staff(), settings.regulator(), project.bidDeadline(), project.openingAt());

        List<Bidder> bidders = bidders(people, project, lot);
        Instant base = later(project.documentsOnSaleFrom(), project.publishedAt());
        for (int i = 0; i < bidders.size(); i++) {
            sleepUntil(base.plus(settings.bidSpacing().multipliedBy(i + 1)));
            submit(bidders.get(i), project, lot);
        }

        for (Bidder bidder : bidders) {
            join(bidder.user(), bidder.username(), project, lot); // 签到: the bidders enter the hall before the opening
        }
        OpeningHall.SessionView session = awaitSession(project, lot);
        if (!"WAITING_FOR_SHARES".equals(session.status())) {
            log.info("Demo tender {}: the session is {} — nothing for the custodians to do", project.transactionCode(),
                    session.status());
            return status().orElseThrow();
        }
        Instant started = session.startedAt() == null ? clock.instant() : session.startedAt();
        for (int n = 1; n <= Math.min(DemoCa.CUSTODIANS, settings.custodians().size()); n++) {
            sleepUntil(started.plus(settings.releaseDelay().multipliedBy(n)));
            if (!release(n, project, lot)) {
                break;
            }
        }
        Status end = status().orElseThrow();
        if ("OPENED".equals(end.phase())) {
            log.info("Demo tender {}: opened; the opening record is published as a notice and shown at {}",
                    project.transactionCode(), end.hallUrl());
        } else {
            log.warn("Demo tender {}: ended {} (not opened)", project.transactionCode(), end.phase());
        }
        return end;
    }

    private record People(CurrentUser tenderee, String tendereeName, CurrentUser staff, CurrentUser regulator) {
    }

    private record Bidder(int number, String username, CurrentUser user, String company, SigningKey key) {
    }

    private People people() {
        return new People(memberUser(settings.tenderee(), Role.TENDEREE), account(settings.tenderee()).displayName(),
                platformUser(settings.staff(), Role.STAFF), platformUser(settings.regulator(), Role.REGULATOR));
    }

    private AccountManagement.AccountView account(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new IllegalStateException(
                "demo account " + username + " is missing (demo members are seeded with sunbid.demo=true)"));
    }

    private CurrentUser memberUser(String username, Role role) {
        AccountManagement.AccountView a = account(username);
        if (a.role() != role || a.memberId().isEmpty()) {
            throw new IllegalStateException("demo account " + username + " is not a " + role + " member");
        }
        return new CurrentUser(a.id(), a.username(), a.role(), a.memberId());
    }

    private CurrentUser platformUser(String username, Role role) {
        AccountManagement.AccountView a = account(username);
        if (a.role() != role) {
            throw new IllegalStateException("demo account " + username + " is not " + role);
        }
        return new CurrentUser(a.id(), a.username(), a.role(), Optional.empty());
    }

    private static CurrentUser platformActor() {
        return new CurrentUser(new UUID(0, 0), "demo-tender", Role.STAFF, Optional.empty());
    }

    // ------------------------------------------------------------------------------------------ publication

    /** Registers, reviews and publishes the demo project, or finds it; a test project, so its periods are accelerated. */
    private ProjectView publishedProject(People people) {
        ProjectView p;
        try {
            p = projects.find(people.staff(), settings.project());
        } catch (ProblemException absent) {
            p = projects.registerTestProject(settings.project(), people.tenderee().requireMember(), Role.TENDEREE,
                    people.tenderee().accountId(), registration(people.tendereeName()));
            log.info("Demo tender {}: registered as a test project (one statutory day lasts {})", p.transactionCode(),
                    accelerator.scale(Duration.ofDays(1), true));
        }
        if (p.status() == ProjectStatus.DRAFT) {
            projects.submit(people.tenderee(), settings.project());
            p = projects.find(people.staff(), settings.project());
        }
        if (p.status() == ProjectStatus.SUBMITTED) {
            projects.accept(people.staff(), settings.project());
            p = projects.find(people.staff(), settings.project());
        }
        if (p.status() == ProjectStatus.ACCEPTED) {
            ProjectManagement.ReviewSheet sheet = projects.reviewSheet(people.staff(), settings.project());
            boolean documents = sheet.items().stream()
                    .anyMatch(i -> i.item() == ReviewItem.TENDER_DOCUMENTS && !i.versions().isEmpty());
            if (!documents) {
                projects.uploadTenderDocuments(people.tenderee(), settings.project(), "招标文件（演示）.txt", "text/plain",
                        new ByteArrayInputStream(("【演示】" + p.name() + " 招标文件：工程量清单、技术标准和要求、合同条款（演示文本）。")
                                .getBytes(StandardCharsets.UTF_8)));
                sheet = projects.reviewSheet(people.staff(), settings.project());
            }
            for (ProjectManagement.ReviewSheet.ItemHistory item : sheet.items()) {
                int latest = item.versions().get(item.versions().size() - 1).version();
                for (CurrentUser reviewer : List.of(people.staff(), people.regulator())) {
                    if (item.missingApprovals().contains(reviewer.role().name())) {
                        projects.review(reviewer, settings.project(), item.item(), latest, true, "同意发布（演示）");
                    }
                }
            }
            projects.publish(people.tenderee(), settings.project());
            p = projects.find(people.staff(), settings.project());
            log.info("Demo tender {}: tender announcement published; opening keys made for {} lot(s)",
                    p.transactionCode(), p.lots().size());
        }
        if (p.status() != ProjectStatus.PUBLISHED) {
            throw new IllegalStateException("the demo tender's project is " + p.status() + "; delete the data folder to start afresh");
        }
        return p;
    }

    private Registration registration(String tendereeName) {
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(settings.lead());
        Instant saleUntil = from.plus(accelerator.scale(Duration.ofDays(5), true)).plus(settings.lead());
        Instant deadline = from.plus(accelerator.scale(Duration.ofDays(20), true)).plus(settings.lead());
        deadline = deadline.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        BigDecimal deposit = new BigDecimal("100000.00");
        return new Registration("【演示】西湖区留下街道老旧小区综合改造工程（开标演示）", ProjectType.CONSTRUCTION, Procedure.OPEN,
                ESTIMATE, "财政资金", "西发改〔2026〕演示1号", "330106", List.of("B0201"), tendereeName, null, null,
                "经评审的最低投标价法", from, saleUntil, deadline, deadline, "阳光招采公共资源交易中心 线上开标大厅",
                "【演示】本项目是阳光招采平台的演示用测试项目，时间按加速时钟运行（法定 20 日的投标期在演示中只有几分钟）。"
                        + "几家演示投标人按 bidtool 的方式签名并加密递交投标文件；截止后平台的开标任务启动开标，"
                        + "密钥保管人释放各自的密钥分片，达到门限后当场解密、验签并公布开标记录。"
                        + "This is the platform's demo test project: it runs on an accelerated clock.",
                List.of(new Registration.LotRegistration("施工", ESTIMATE, deposit, null)));
    }

    // ------------------------------------------------------------------------------------------ bids

    private List<Bidder> bidders(People people, ProjectView project, UUID lot) {
        char[] password = platform.keys().passphrase().toCharArray();
        List<Bidder> list = new ArrayList<>();
        int number = 0;
        for (String username : settings.bidders()) {
            number++;
            CurrentUser user = memberUser(username, Role.BIDDER);
            UUID member = user.requireMember();
            String company = account(username).displayName();
            SigningKey key = DemoBidderFiles.bidderKey(platform.caDirectory(), this::demoCa, password, username, company);
            String fingerprint = Certificates.fingerprint(key.certificate());
            boolean bound = members.certificates(member).stream()
                    .anyMatch(c -> c.fingerprint().equalsIgnoreCase(fingerprint) && c.revokedAt() == null);
            if (!bound) {
                members.bindCertificate(member, Certificates.toPem(key.certificate()), people.staff().accountId());
            }
            list.add(new Bidder(number, username, user, company, key));
        }
        payments.pay(people.staff(), project.id(), lot,
                list.stream().map(b -> new DemoDepositPayments.Payer(b.user(), b.company())).toList());
        return list;
    }

    private void submit(Bidder bidder, ProjectView project, UUID lot) {
        if (bids.mine(bidder.user(), lot).stream().anyMatch(DemoTender::live)) {
            return;
        }
        if (clock.instant().isAfter(project.bidDeadline())) {
            log.info("Demo tender {}: {} did not bid before the deadline (the platform was down?)",
                    project.transactionCode(), bidder.username());
            return;
        }
        try {
            X509Certificate opening = openingKeys.certificate(lot);
            BigDecimal price = DemoBidderFiles.price(ESTIMATE, bidder.number());
            BidForm form = new BidForm(lot.toString(), price, (300 + 10 * bidder.number()) + " 日历天", "合格",
                    PROJECT_MANAGERS[(bidder.number() - 1) % PROJECT_MANAGERS.length], "DEMO-BH-" + bidder.username(),
                    DemoBidderFiles.fingerprint(bidder.number(), bidder.username()));
            Path folder = platform.dataDir().resolve("demo-tender").resolve(bidder.username());
            DemoBidderFiles.SealedTender tender = DemoBidderFiles.make(folder, bidder.key(), opening, form,
                    bidder.company(), project.transactionCode(), project.name(), "第1标段 " + project.lots().get(0).name());
            BidSubmissions.UploadState upload = submissions.startUpload(bidder.user(), project.id(), lot, tender.size(),
                    tender.sha256());
            try (InputStream in = Files.newInputStream(tender.sealed())) {
                submissions.append(bidder.user(), upload.uploadId(), 0, in);
            }
            Receipt receipt = submissions.complete(bidder.user(), upload.uploadId(), tender.manifestBase64(), "127.0.0.1");
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

    // ------------------------------------------------------------------------------------------ opening

    /** Waits for the platform's open-bids job to start the session (it fires at the opening time). */
    private OpeningHall.SessionView awaitSession(ProjectView project, UUID lot) {
        sleepUntil(project.openingAt());
        Instant giveUp = clock.instant().plus(SESSION_PATIENCE);
        while (true) {
            OpeningHall.SessionView view = openings.view(platformActor(), ProjectId.of(project.id()), LotId.of(lot));
            if (!"NOT_STARTED".equals(view.status()) || clock.instant().isAfter(giveUp)) {
                if ("NOT_STARTED".equals(view.status())) {
                    log.warn("Demo tender {}: the open-bids job has not started the session {} after the opening time "
                            + "(is sunbid.scheduler.enabled off on every node?)", project.transactionCode(), SESSION_PATIENCE);
                }
                return view;
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private static final Duration SESSION_PATIENCE = Duration.ofMinutes(10);

    /** Custodian {@code n} releases its share if the session still waits for shares; false once the lot is opened. */
    private boolean release(int n, ProjectView project, UUID lot) {
        OpeningHall.SessionView view = openings.view(platformActor(), ProjectId.of(project.id()), LotId.of(lot));
        if (!"WAITING_FOR_SHARES".equals(view.status())) {
            return false;
        }
        String username = settings.custodians().get(n - 1);
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
            String json = share.toJson();
            String signature = Base64.getEncoder()
                    .encodeToString(new CmsSigner(key).sign(json.getBytes(StandardCharsets.UTF_8), true));
            try {
                view = shareReleases.release(custodian, ProjectId.of(project.id()), LotId.of(lot), json, signature);
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
    private DemoCa demoCa() {
        DemoCa ca = demoCa;
        if (ca == null) {
            ca = DemoCa.loadOrCreate(platform.caDirectory(), platform.keys().passphrase().toCharArray());
            demoCa = ca;
        }
        return ca;
    }

    /** Enters the opening hall (签到) as a bidder of the lot or a custodian named for it; idempotent. */
    private void join(CurrentUser user, String username, ProjectView project, UUID lot) {
        if (user.is(Role.BIDDER) && bids.mine(user, lot).stream().noneMatch(DemoTender::live)) {
            return;
        }
        try {
            hallEntries.join(user, ProjectId.of(project.id()), LotId.of(lot));
        } catch (ProblemException e) {
            log.warn("Demo tender {}: {} could not join the hall: {}", project.transactionCode(), username, e.type());
        }
    }

    // ------------------------------------------------------------------------------------------ time

    /** Sleeps in short slices against the platform clock, so a clock moved forward (tests) is noticed at once. */
    private void sleepUntil(Instant at) {
        while (true) {
            Duration wait = Duration.between(clock.instant(), at);
            if (wait.isNegative() || wait.isZero()) {
                break;
            }
            sleep(wait.compareTo(SLICE) < 0 ? wait : SLICE);
        }
        if (stopped) {
            throw new Stopped();
        }
    }

    private static final Duration SLICE = Duration.ofMillis(250);

    private void sleep(Duration d) {
        if (stopped) {
            throw new Stopped();
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("demo tender stopped", null, false, false);
        }
    }
}
