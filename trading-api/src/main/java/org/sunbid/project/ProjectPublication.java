package org.sunbid.project;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeId;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectEvents.DeadlineMoved;
import org.sunbid.project.internal.ProjectAccess;
import org.sunbid.project.internal.ProjectRules;
import org.sunbid.project.internal.Projects;
import org.sunbid.project.internal.StatutoryPeriods;

/**
 * Publication (发布): the tender announcement once joint review is complete, then clarifications and amendments, a
 * bid-affecting one late in the bid period moving the deadline (招标投标法实施条例第二十一条).
 */
@Service
@Transactional
public class ProjectPublication {

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm")
            .withZone(PlatformZone.ZONE);

    private final Projects projects;
    private final ProjectAccess access;
    private final ProjectReview review;
    private final StatutoryPeriods periods;
    private final ProjectRules rules;
    private final NoticeManagement notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectPublication(Projects projects, ProjectAccess access, ProjectReview review, StatutoryPeriods periods,
            ProjectRules rules, NoticeManagement notices, ApplicationEventPublisher events, Clock clock) {
        this.projects = projects;
        this.access = access;
        this.review = review;
        this.periods = periods;
        this.rules = rules;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes the tender announcement once every required reviewer approved the latest versions. Idempotent: a
     * published project returns its announcement again.
     */
    public Notice publish(CurrentUser user, ProjectId project) {
        ProjectView p = access.forCentre(user, project.value());
        boolean owner = ProjectAccess.owns(user, p);
        if (!owner && !user.is(Role.STAFF)) {
            throw ProblemException.forbidden("project.owner-only");
        }
        return publish(p);
    }

    private Notice publish(ProjectView p) {
        String key = "project:" + p.id() + ":tender-announcement";
        if (p.status() == ProjectStatus.PUBLISHED) {
            return notices.ofProject(ProjectId.of(p.id())).stream().filter(n -> n.kind() == NoticeKind.TENDER_ANNOUNCEMENT)
                    .findFirst().orElseThrow();
        }
        ProjectAccess.requireStatus(p, ProjectStatus.ACCEPTED);
        ProjectReview.ReviewSheet sheet = review.sheet(p);
        if (!sheet.readyToPublish()) {
            String missing = sheet.items().stream().filter(i -> !i.missingApprovals().isEmpty())
                    .map(i -> i.item() + ":" + String.join("+", i.missingApprovals())).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            throw ProblemException.rule("review-approvals-missing", "review", "project.rule.review-approvals-missing",
                    missing);
        }
        Instant now = clock.instant();
        Instant issue = p.documentsOnSaleFrom().isAfter(now) ? p.documentsOnSaleFrom() : now;
        periods.check(p.procedure(), issue, p.documentsOnSaleUntil(), p.bidDeadline(), p.testProject());
        String announcement = projects.latestVersion(p.id(), ReviewItem.ANNOUNCEMENT).map(Projects.Version::body)
                .orElseThrow();
        Notice notice = notices.publish(draft(p, key, NoticeKind.TENDER_ANNOUNCEMENT,
                p.name() + announcementSuffix(p), announcement + "\n\n" + details(p), p.bidDeadline(), p.openingAt(), null));
        projects.markPublished(p.id(), now);
        events.publishEvent(new ProjectEvents.ProjectPublished(p.id(), notice.id(), notice.publicId(), now));
        return notice;
    }

    private static String announcementSuffix(ProjectView p) {
        return switch (p.type()) {
            case GOVERNMENT_PROCUREMENT -> p.procedure() == Procedure.OPEN ? "公开招标公告" : "采购公告";
            case LAND_USE_RIGHTS, MINING_RIGHTS, STATE_PROPERTY -> "出让（转让）公告";
            default -> "招标公告";
        };
    }

    private NoticeDraft draft(ProjectView p, String key, NoticeKind kind, String title, String body, Instant deadline,
            Instant opening, UUID corrects) {
        return new NoticeDraft(key, kind, p.id(), p.transactionCode(), p.name(), p.type().name(), p.procedure().name(),
                title, body, p.regionCode(), p.classificationCodes(), p.estimatedValue(), p.tendereeName(),
                p.agencyName(), null, deadline, opening,
                p.lots().stream().map(l -> new NoticeDraft.NoticeLot(l.id(), l.number(), l.name(), l.estimate(),
                        l.deposit())).toList(), corrects);
    }

    private static String details(ProjectView p) {
        StringBuilder sb = new StringBuilder();
        sb.append("项目名称：").append(p.name()).append('\n');
        sb.append("交易标识码：").append(p.transactionCode()).append('\n');
        sb.append("项目类型：").append(p.type().label()).append("；采购方式：").append(p.procedure().label()).append('\n');
        sb.append("招标人：").append(p.tendereeName()).append('\n');
        if (p.agencyName() != null) {
            sb.append("招标代理机构：").append(p.agencyName()).append('\n');
        }
        sb.append("预算金额：").append(p.estimatedValue().toPlainString()).append(" 元；资金来源：").append(p.fundingSource()).append('\n');
        sb.append("招标文件发售：").append(DISPLAY.format(p.documentsOnSaleFrom())).append(" 至 ")
                .append(DISPLAY.format(p.documentsOnSaleUntil())).append('\n');
        sb.append("投标截止时间：").append(DISPLAY.format(p.bidDeadline())).append('\n');
        sb.append("开标时间：").append(DISPLAY.format(p.openingAt())).append("；开标地点：").append(p.openingPlace()).append('\n');
        sb.append("评标办法：").append(p.evaluationMethod()).append('\n');
        for (ProjectView.LotView lot : p.lots()) {
            sb.append("标段").append(lot.number()).append("：").append(lot.name()).append("，估算 ")
                    .append(lot.estimate().toPlainString()).append(" 元，投标保证金 ")
                    .append(lot.deposit().toPlainString()).append(" 元\n");
        }
        return sb.toString();
    }

    // --- clarifications --------------------------------------------------------------------------------------------

    public record ClarificationOutcome(Notice notice, boolean deadlineMoved, Instant bidDeadline, Instant openingAt) {
    }

    /**
     * Publishes a clarification or amendment. When it may affect bids and comes less than 15 days (configurable)
     * before the deadline, the deadline moves to 15 days after it and the opening moves with it.
     */
    public ClarificationOutcome clarify(CurrentUser user, ProjectId project, String title, String body,
            boolean affectsBids, NoticeId correctsId) {
        UUID corrects = correctsId == null ? null : correctsId.value();
        UUID id = project.value();
        if (title == null || title.isBlank() || title.length() > 300) {
            throw ProblemException.invalid("title", "project.clarification.title");
        }
        if (body == null || body.isBlank() || body.length() > 20000) {
            throw ProblemException.invalid("body", "project.clarification.body");
        }
        ProjectView p = access.owned(user, id);
        ProjectAccess.requireStatus(p, ProjectStatus.PUBLISHED);
        Instant now = clock.instant();
        if (!now.isBefore(p.bidDeadline())) {
            throw ProblemException.rule("clarification-after-deadline", "bidDeadline",
                    "project.rule.clarification-after-deadline");
        }
        Instant deadline = affectsBids ? rules.deadlineAfterClarification(p.bidDeadline(), now) : p.bidDeadline();
        boolean moved = !deadline.equals(p.bidDeadline());
        Instant opening = moved ? p.openingAt().plus(Duration.between(p.bidDeadline(), deadline)) : p.openingAt();
        String text = body + (moved ? "\n\n因本澄清可能影响投标文件编制，投标截止时间顺延至 " + DISPLAY.format(deadline)
                + "，开标时间相应顺延至 " + DISPLAY.format(opening) + "。" : "");
        Notice notice = notices.publish(draft(p, "project:" + id + ":clarification:" + UUID.randomUUID(),
                NoticeKind.CLARIFICATION, title, text, deadline, opening, corrects));
        if (moved) {
            projects.moveDeadline(id, deadline, opening, now);
            for (ProjectView.LotView lot : p.lots()) {
                events.publishEvent(new DeadlineMoved(id, lot.id(), p.bidDeadline(), deadline, opening));
            }
        }
        return new ClarificationOutcome(notice, moved, deadline, opening);
    }
}
