package org.sunbid.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.sunbid.award.AwardManagement;
import org.sunbid.award.AwardView;
import org.sunbid.demo.internal.DemoAward;
import org.sunbid.demo.internal.DemoBidding;
import org.sunbid.demo.internal.DemoCommittee;
import org.sunbid.demo.internal.DemoEvaluation;
import org.sunbid.demo.internal.DemoPace;
import org.sunbid.demo.internal.DemoPeople;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.opening.OpeningHall;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.Procedure;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectPublication;
import org.sunbid.project.ProjectReview;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectType;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;
import org.sunbid.project.ReviewItem;
import org.sunbid.scheduler.TimeAccelerator;
import org.sunbid.signing.keys.DemoCa;

/**
 * The demo tender (issues 9 and 16): with {@code sunbid.demo=true}, one test project with a fixed id runs its whole life
 * in minutes after start — registration with its committee plan, joint review and publication, sealed bids by the demo
 * bidders ({@link DemoBidding}), the platform's own {@code open-bids} job and the custodians' shares, the opening
 * record; then the expert draw and the demo experts' acceptance ({@link DemoCommittee}), the evaluation with score
 * sheets and the report signed with the demo experts' keys ({@link DemoEvaluation}), the candidates' publicity, the
 * signed award decision with its award notice, and the contract that completes and archives the project
 * ({@link DemoAward}).
 * <p>
 * Every step first looks at the platform's state and does only what is missing, so a second start adds nothing, and a
 * restart mid-way carries on from where the run stopped (a bid whose time came while the platform was down is sent at
 * once if the deadline has not passed; after the deadline the platform's rules decide, as for anyone). The people
 * are outside the platform, so they act from one background thread, not from platform jobs.
 */
@Service
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
@EnableConfigurationProperties(DemoTenderProperties.class)
public class DemoTender {

    /** The demo tender's project by default; fixed, so that a second start finds it. */
    public static final String DEFAULT_PROJECT = "5d0b7e00-0000-4000-8000-000000000001";
    public static final UUID PROJECT = UUID.fromString(DEFAULT_PROJECT);

    private static final Logger log = LoggerFactory.getLogger(DemoTender.class);

    private final DemoTenderProperties settings;
    private final AccountManagement accounts;
    private final ProjectManagement projects;
    private final ProjectReview review;
    private final ProjectPublication publication;
    private final OpeningHall openings;
    private final AwardManagement awards;
    private final DemoBidding bidding;
    private final DemoCommittee committee;
    private final DemoEvaluation evaluation;
    private final DemoAward award;
    private final TimeAccelerator accelerator;
    private final Environment environment;
    private final DemoPace pace;

    private volatile Thread runner;

    public DemoTender(DemoTenderProperties settings, DemoTenderServices services, Clock clock) {
        this.settings = settings;
        this.accounts = services.accounts();
        this.projects = services.projects();
        this.review = services.review();
        this.publication = services.publication();
        this.openings = services.openings();
        this.awards = services.awards();
        this.bidding = services.bidding();
        this.committee = services.committee();
        this.evaluation = services.evaluation();
        this.award = services.award();
        this.accelerator = services.accelerator();
        this.environment = services.environment();
        this.pace = new DemoPace(clock);
    }

    /** Where the demo tender stands, for the log, the public status endpoint and tests. */
    public record Status(UUID projectId, UUID lotId, String transactionCode, String projectName, String phase,
            Instant bidDeadline, Instant openingAt, String hallPath, String hallUrl) {
    }

    /**
     * The demo tender's state; empty before its project is registered. The phase is the opening's until the lot is
     * opened, then the award's stage (AWAITING_PUBLICITY, PUBLICITY, DECIDED, CONTRACTED) once the evaluation concluded.
     */
    public Optional<Status> status() {
        ProjectView p;
        try {
            p = projects.find(DemoPeople.platformActor(), ProjectId.of(settings.project()));
        } catch (ProblemException notYet) {
            return Optional.empty();
        }
        if (p.lots().isEmpty()) {
            return Optional.empty();
        }
        UUID lot = p.lots().get(0).id();
        String phase = p.status() == ProjectStatus.PUBLISHED
                ? openings.view(DemoPeople.platformActor(), ProjectId.of(p.id()), LotId.of(lot)).status()
                : p.status().name();
        if ("NOT_STARTED".equals(phase)) {
            phase = pace.now().isAfter(p.bidDeadline()) ? "DEADLINE_PASSED" : "BIDDING";
        }
        if ("OPENED".equals(phase)) {
            try {
                phase = awards.view(DemoPeople.platformActor(), LotId.of(lot)).stage();
            } catch (ProblemException notYet) {
                // still evaluating
            }
        }
        String hall = "/hall.html?project=" + p.id() + "&lot=" + lot;
        return Optional.of(new Status(p.id(), lot, p.transactionCode(), p.name(), phase, p.bidDeadline(), p.openingAt(),
                hall, baseUrl() + hall));
    }

    /** {@code sunbid.public-base-url}, else this server on its real port (known once the web server has started). */
    private String baseUrl() {
        String configured = environment.getProperty("sunbid.public-base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
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
            } catch (DemoPace.Stopped e) {
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
        pace.stop();
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
     * Runs the demo tender to its end (the contract, or a failed tender), doing only what is still missing; returns
     * the final status. Blocks for the tender's remaining lifetime.
     */
    public synchronized Status run() {
        DemoPeople people = people();
        committee.awaitLibrary(pace); // the lot's expert pool is frozen at the bid deadline
        ProjectView project = publishedProject(people);
        UUID lot = project.lots().get(0).id();
        String code = project.transactionCode();
        Status status = status().orElseThrow();
        log.info("Demo tender {} 「{}」 ({}): watch the opening at {} (sign in as {} or {}, demo password) — bids close {}, "
                + "opening at {}", code, project.name(), status.phase(), status.hallUrl(),
                settings.staff(), settings.regulator(), project.bidDeadline(), project.openingAt());

        List<DemoBidding.Bidder> bidders = bidding.bidders(settings.bidders(), people, project, lot);
        Instant base = later(project.documentsOnSaleFrom(), project.publishedAt());
        for (int i = 0; i < bidders.size(); i++) {
            pace.sleepUntil(base.plus(settings.bidSpacing().multipliedBy(i + 1)));
            bidding.submit(bidders.get(i), project, lot, pace.now());
        }
        for (DemoBidding.Bidder bidder : bidders) {
            bidding.join(bidder.user(), bidder.username(), project, lot); // 签到: the bidders enter the hall
        }
        OpeningHall.SessionView session = bidding.awaitSession(project, lot, pace);
        if ("WAITING_FOR_SHARES".equals(session.status())) {
            Instant started = session.startedAt() == null ? pace.now() : session.startedAt();
            for (int n = 1; n <= Math.min(DemoCa.CUSTODIANS, settings.custodians().size()); n++) {
                pace.sleepUntil(started.plus(settings.releaseDelay().multipliedBy(n)));
                if (!bidding.release(n, settings.custodians().get(n - 1), project, lot)) {
                    break;
                }
            }
        }
        if (!"OPENED".equals(bidding.awaitDecryption(project, lot, pace).status())) {
            Status end = status().orElseThrow();
            log.warn("Demo tender {}: ended {} (not opened)", code, end.phase());
            return end;
        }
        log.info("Demo tender {}: opened; the opening record is published as a notice and shown at {}", code,
                status().orElseThrow().hallUrl());
        if (!settings.award()) {
            return status().orElseThrow();
        }
        Optional<List<DemoCommittee.Member>> members = committee.seat(code, project.id(), lot, pace);
        if (members.isPresent() && evaluation.evaluate(code, people, project.id(), lot, members.get(), pace)) {
            AwardView awarded = award.award(code, people, settings.tenderee(), lot, bidding::demoCa, pace);
            log.info("Demo tender {}: {} — the award notice is public at {}/search.html?kind=award&includeTests=true", code,
                    awarded.stage(), baseUrl());
        }
        return status().orElseThrow();
    }

    private DemoPeople people() {
        return new DemoPeople(DemoPeople.memberUser(accounts, settings.tenderee(), Role.TENDEREE),
                DemoPeople.account(accounts, settings.tenderee()).displayName(),
                DemoPeople.platformUser(accounts, settings.staff(), Role.STAFF),
                DemoPeople.platformUser(accounts, settings.regulator(), Role.REGULATOR));
    }

    // ------------------------------------------------------------------------------------------ publication

    /** Registers, reviews and publishes the demo project, or finds it; a test project, so its periods are accelerated. */
    private ProjectView publishedProject(DemoPeople people) {
        ProjectView p;
        try {
            p = projects.find(people.staff(), ProjectId.of(settings.project()));
        } catch (ProblemException absent) {
            p = projects.registerTestProject(ProjectId.of(settings.project()), MemberId.of(people.tenderee().requireMember()), Role.TENDEREE,
                    people.tenderee().account(), registration(people.tendereeName()));
            log.info("Demo tender {}: registered as a test project (one statutory day lasts {})", p.transactionCode(),
                    accelerator.scale(Duration.ofDays(1), true));
        }
        if (p.status() == ProjectStatus.DRAFT) {
            projects.submit(people.tenderee(), ProjectId.of(settings.project()));
            p = projects.find(people.staff(), ProjectId.of(settings.project()));
        }
        if (p.status() == ProjectStatus.SUBMITTED) {
            projects.accept(people.staff(), ProjectId.of(settings.project()));
            p = projects.find(people.staff(), ProjectId.of(settings.project()));
        }
        if (p.status() == ProjectStatus.ACCEPTED) {
            if (settings.award()) {
                committee.plan(people.staff(), p.id(), p.lots().get(0).id());
            }
            ProjectReview.ReviewSheet sheet = review.reviewSheet(people.staff(), ProjectId.of(settings.project()));
            boolean documents = sheet.items().stream()
                    .anyMatch(i -> i.item() == ReviewItem.TENDER_DOCUMENTS && !i.versions().isEmpty());
            if (!documents) {
                review.uploadTenderDocuments(people.tenderee(), ProjectId.of(settings.project()), "招标文件（演示）.txt", "text/plain",
                        new ByteArrayInputStream(("【演示】" + p.name() + " 招标文件：工程量清单、技术标准和要求、合同条款（演示文本）。")
                                .getBytes(StandardCharsets.UTF_8)));
                sheet = review.reviewSheet(people.staff(), ProjectId.of(settings.project()));
            }
            for (ProjectReview.ReviewSheet.ItemHistory item : sheet.items()) {
                int latest = item.versions().get(item.versions().size() - 1).version();
                for (CurrentUser reviewer : List.of(people.staff(), people.regulator())) {
                    if (item.missingApprovals().contains(reviewer.role().name())) {
                        review.review(reviewer, ProjectId.of(settings.project()), item.item(), latest, true, "同意发布（演示）");
                    }
                }
            }
            publication.publish(people.tenderee(), ProjectId.of(settings.project()));
            p = projects.find(people.staff(), ProjectId.of(settings.project()));
            log.info("Demo tender {}: tender announcement published; opening keys made for {} lot(s)",
                    p.transactionCode(), p.lots().size());
        }
        if (p.status() != ProjectStatus.PUBLISHED) {
            throw new IllegalStateException("the demo tender's project is " + p.status() + "; delete the data folder to start afresh");
        }
        return p;
    }

    private Registration registration(String tendereeName) {
        Instant from = pace.now().truncatedTo(ChronoUnit.SECONDS).plus(settings.lead());
        Instant saleUntil = from.plus(accelerator.scale(Duration.ofDays(5), true)).plus(settings.lead());
        Instant deadline = from.plus(accelerator.scale(Duration.ofDays(20), true)).plus(settings.lead());
        deadline = deadline.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        BigDecimal deposit = new BigDecimal("100000.00");
        return new Registration("【演示】西湖区留下街道老旧小区综合改造工程（开标演示）", ProjectType.CONSTRUCTION, Procedure.OPEN,
                DemoBidding.ESTIMATE, "财政资金", "西发改〔2026〕演示1号", "330106", List.of("B0201"), tendereeName, null, null,
                "经评审的最低投标价法", from, saleUntil, deadline, deadline, "阳光招采公共资源交易中心 线上开标大厅",
                "【演示】本项目是阳光招采平台的演示用测试项目，时间按加速时钟运行（法定 20 日的投标期在演示中只有几分钟）。"
                        + "几家演示投标人按 bidtool 的方式签名并加密递交投标文件；截止后平台的开标任务启动开标，"
                        + "密钥保管人释放各自的密钥分片，达到门限后当场解密、验签并公布开标记录。"
                        + "This is the platform's demo test project: it runs on an accelerated clock.",
                List.of(new Registration.LotRegistration("施工", DemoBidding.ESTIMATE, deposit, null)));
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
