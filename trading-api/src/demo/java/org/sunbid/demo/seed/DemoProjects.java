package org.sunbid.demo.seed;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.Procedure;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectPublication;
import org.sunbid.project.ProjectReview;
import org.sunbid.project.ProjectType;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;
import org.sunbid.project.ReviewItem;

/**
 * Chinese demo projects, reviewed and published, when {@code sunbid.demo=true}. Idempotent (fixed project ids) and
 * repeatable (seeded random amounts). The tenderee and reviewer ids are fixed UUIDs of their own, as the member
 * registry's demo members are not looked up here; each tenderee's name and the project's region agree.
 * A project's award notice is published only once its bid deadline has passed (at a later start): demo data never
 * show a winner for a project still open for bidding.
 */
@Component
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class DemoProjects implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);

    static final UUID TENDEREE_XIHU = UUID.fromString("5d0b0000-0000-4000-8000-000000000001");
    static final UUID TENDEREE_EDU = UUID.fromString("5d0b0000-0000-4000-8000-000000000002");
    static final UUID TENDEREE_LAND = UUID.fromString("5d0b0000-0000-4000-8000-000000000003");
    static final UUID DEMO_ACCOUNT = UUID.fromString("5d0b0000-0000-4000-8000-0000000000aa");
    static final UUID DEMO_STAFF = UUID.fromString("5d0b0000-0000-4000-8000-0000000000bb");
    static final UUID DEMO_REGULATOR = UUID.fromString("5d0b0000-0000-4000-8000-0000000000cc");
    private static final CurrentUser STAFF = new CurrentUser(DEMO_STAFF, "demo-staff", Role.STAFF, Optional.empty());

    private record Demo(UUID id, UUID tenderee, String tendereeName, String name, ProjectType type, Procedure procedure,
            String region, String classification, String announcement, String winner) {
    }

    private static final List<Demo> DEMOS = List.of(
            new Demo(UUID.fromString("5d0b1000-0000-4000-8000-000000000001"), TENDEREE_XIHU, "杭州市西湖区城市建设发展中心",
                    "文三路（学院路—古翠路）道路综合整治工程", ProjectType.CONSTRUCTION, Procedure.OPEN, "330106", "B0201",
                    "本项目对文三路进行路面翻新、排水管网改造和人行道提升，欢迎具备市政公用工程施工总承包二级及以上资质的投标人参加。",
                    "浙江宏远建设集团有限公司"),
            new Demo(UUID.fromString("5d0b1000-0000-4000-8000-000000000002"), TENDEREE_EDU, "杭州市西湖区教育局",
                    "西湖区中小学智慧教室设备采购项目", ProjectType.GOVERNMENT_PROCUREMENT, Procedure.OPEN, "330106", "A0201",
                    "采购交互式智能平板、录播系统及配套软件，含三年质保与培训服务。", "杭州数码科技有限公司"),
            new Demo(UUID.fromString("5d0b1000-0000-4000-8000-000000000003"), TENDEREE_EDU, "杭州市西湖区教育局",
                    "西湖区学校物业管理服务采购项目", ProjectType.GOVERNMENT_PROCUREMENT, Procedure.COMPETITIVE_CONSULTATION,
                    "330106", "C02", "为区属 12 所学校提供保洁、安保、绿化养护等物业管理服务，服务期三年。", null),
            new Demo(UUID.fromString("5d0b1000-0000-4000-8000-000000000004"), TENDEREE_LAND, "杭州市规划和自然资源局西湖分局",
                    "西湖区转塘单元 XH1703-05 地块国有建设用地使用权挂牌出让", ProjectType.LAND_USE_RIGHTS, Procedure.LISTING,
                    "330106", "D01", "该地块用途为商业服务业用地，出让年限 40 年，以挂牌方式出让。", null));

    private final ProjectManagement projects;
    private final ProjectReview review;
    private final ProjectPublication publication;
    private final NoticeManagement notices;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoProjects(ProjectManagement projects, ProjectReview review, ProjectPublication publication,
            NoticeManagement notices, TransactionTemplate tx, Clock clock) {
        this.projects = projects;
        this.review = review;
        this.publication = publication;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Random random = new Random(20260301L);
        int created = 0;
        for (Demo demo : DEMOS) {
            BigDecimal estimate = BigDecimal.valueOf(500_000 + random.nextInt(20_000_000)).setScale(2, RoundingMode.DOWN);
            if (projects.findIfVisible(STAFF, ProjectId.of(demo.id())).isPresent()) {
                tx.executeWithoutResult(status -> awardIfClosed(demo, estimate));
                continue;
            }
            tx.executeWithoutResult(status -> seed(demo, estimate));
            created++;
        }
        if (created > 0) {
            log.info("Demo: {} projects registered, reviewed and published", created);
        }
    }

    private void seed(Demo demo, BigDecimal estimate) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        BigDecimal lotEstimate = estimate.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        BigDecimal deposit = lotEstimate.multiply(new BigDecimal("0.015")).setScale(2, RoundingMode.DOWN);
        Registration r = new Registration(demo.name(), demo.type(), demo.procedure(), estimate, "财政资金",
                "西发改〔2026〕" + (demo.id().hashCode() & 0xff) + "号", demo.region(), List.of(demo.classification()),
                demo.tendereeName(), null, null, "综合评估法", now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(8)),
                now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(30)),
                "杭州市西湖区公共资源交易中心第一开标室", demo.announcement(),
                List.of(new Registration.LotRegistration("第一标段", lotEstimate, deposit, null),
                        new Registration.LotRegistration("第二标段", lotEstimate, deposit, null)));
        CurrentUser owner = new CurrentUser(DEMO_ACCOUNT, "demo", Role.TENDEREE, Optional.of(demo.tenderee()));
        CurrentUser staff = STAFF;
        CurrentUser regulator = new CurrentUser(DEMO_REGULATOR, "demo-regulator", Role.REGULATOR, Optional.empty());
        ProjectView p = projects.register(ProjectId.of(demo.id()), MemberId.of(demo.tenderee()), Role.TENDEREE, AccountId.of(DEMO_ACCOUNT), r);
        projects.submit(owner, ProjectId.of(p.id()));
        projects.accept(staff, ProjectId.of(p.id()));
        ProjectId id = ProjectId.of(p.id());
        review.uploadTenderDocuments(owner, id, "招标文件.txt", "text/plain",
                new ByteArrayInputStream((demo.name() + " 招标文件（演示）").getBytes(StandardCharsets.UTF_8)));
        for (CurrentUser reviewer : List.of(staff, regulator)) {
            for (ReviewItem item : ReviewItem.values()) {
                review.review(reviewer, id, item, 1, true, "同意发布（演示）");
            }
        }
        publication.publish(owner, id);
        awardIfClosed(demo, estimate);
    }

    /** The demo's award notice, once the project's bids have closed (never while it is open for bidding). */
    private void awardIfClosed(Demo demo, BigDecimal estimate) {
        if (demo.winner() == null) {
            return;
        }
        CurrentUser staff = STAFF;
        ProjectView p = projects.find(staff, ProjectId.of(demo.id()));
        if (p.bidDeadline() == null || !p.bidDeadline().isBefore(clock.instant())) {
            return;
        }
        BigDecimal amount = estimate.multiply(new BigDecimal("0.93")).setScale(2, RoundingMode.DOWN);
        notices.publish(new NoticeDraft("demo:award:" + demo.id(), NoticeKind.AWARD, p.id(), p.transactionCode(),
                p.name(), p.type().name(), p.procedure().name(), p.name() + "中标结果公告",
                "中标人：" + demo.winner() + "；中标金额：" + amount.toPlainString() + " 元。", p.regionCode(),
                p.classificationCodes(), amount, p.tendereeName(), p.agencyName(), demo.winner(), p.bidDeadline(),
                p.openingAt(), List.of(), null));
    }
}
