package org.sunbid.project;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.notice.Notice;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.platform.ProblemException;
import org.sunbid.project.ProjectEvents.DeadlineMoved;
import org.sunbid.project.internal.DocumentFiles;
import org.sunbid.project.internal.ProjectRules;
import org.sunbid.scheduler.TimeAccelerator;
import org.sunbid.project.internal.Projects;

/**
 * Intake, joint review, statutory checks and publication of projects. Refusals name their rule as the problem type
 * ({@code deposit-limit}, {@code bid-period-minimum}, …). Projects others may not see are reported as not found.
 */
@Service
@Transactional
public class ProjectManagement {

    static final ZoneId CHINA = org.sunbid.platform.PlatformZone.ZONE;
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm").withZone(CHINA);

    private final Projects projects;
    private final DocumentFiles files;
    private final ProjectRules rules;
    private final NoticeManagement notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TimeAccelerator accelerator;

    ProjectManagement(Projects projects, DocumentFiles files, ProjectRules rules, NoticeManagement notices,
            ApplicationEventPublisher events, Clock clock, TimeAccelerator accelerator) {
        this.accelerator = accelerator;
        this.projects = projects;
        this.files = files;
        this.rules = rules;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    // --- intake --------------------------------------------------------------------------------------------------

    /** Registers a draft project for the caller's member (a tenderee, or an agent acting for one). */
    public ProjectView register(CurrentUser user, Registration r) {
        if (!user.is(Role.TENDEREE) && !user.is(Role.AGENT)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        return register(UUID.randomUUID(), user.requireMember(), user.role(), user.accountId(), r);
    }

    /** Registration with a given id and acting member (used by the demo seed; callers check the role). */
    public ProjectView register(UUID projectId, UUID memberId, Role role, UUID accountId, Registration r) {
        return register(projectId, memberId, role, accountId, r, false);
    }

    /**
     * Registers a test project (the demo tender, end-to-end tests): flagged as such, and its statutory minimum periods
     * are shrunk by the scheduler's {@link TimeAccelerator} (one day lasts {@code sunbid.scheduler.test-project-day}).
     * Callers check the role, as for the demo seed.
     */
    public ProjectView registerTestProject(UUID projectId, UUID memberId, Role role, UUID accountId, Registration r) {
        return register(projectId, memberId, role, accountId, r, true);
    }

    private ProjectView register(UUID projectId, UUID memberId, Role role, UUID accountId, Registration r,
            boolean testProject) {
        Instant now = clock.instant();
        checkRegistration(r, role, now, testProject);
        UUID tenderee = role == Role.AGENT ? r.tendereeMemberId() : memberId;
        UUID agency = role == Role.AGENT ? memberId : null;
        String code = "%s%d%c%06d".formatted(r.regionCode(), now.atZone(CHINA).getYear(), r.type().letter(),
                projects.nextTransactionNumber());
        projects.insert(new Projects.NewProject(projectId, code, r.name().strip(), r.type(), r.procedure(),
                r.estimatedValue(), r.fundingSource(), r.approvalReference(), r.regionCode(),
                r.classificationCodes().stream().map(String::strip).distinct().toList(), tenderee, r.tendereeName(),
                agency, blankToNull(r.agencyName()), accountId, r.evaluationMethod(), r.documentsOnSaleFrom(),
                r.documentsOnSaleUntil(), r.bidDeadline(), r.openingAt(), r.openingPlace()), now);
        if (testProject) {
            projects.markTestProject(projectId);
        }
        int number = 1;
        for (Registration.LotRegistration lot : r.lots()) {
            projects.insertLot(projectId, UUID.randomUUID(), number++, lot.name(), lot.estimate(), lot.deposit(),
                    lot.referencePrice() == null ? null : lot.referencePrice().amount());
        }
        projects.addVersion(projectId, ReviewItem.ANNOUNCEMENT, r.announcement(), null, null, null, null, accountId, now);
        events.publishEvent(new ProjectEvents.ProjectRegistered(projectId, code, memberId, accountId, now));
        return projects.find(projectId).orElseThrow();
    }

    private void checkRegistration(Registration r, Role role, Instant now, boolean testProject) {
        if (role == Role.AGENT && r.tendereeMemberId() == null) {
            throw ProblemException.invalid("tendereeMemberId", "project.tenderee.required");
        }
        List<String> unknown = projects.unknownClassifications(r.classificationCodes().stream().map(String::strip).toList());
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("classificationCodes", "project.classification.unknown", String.join(", ", unknown));
        }
        if (!r.bidDeadline().isAfter(now)) {
            throw ProblemException.invalid("bidDeadline", "project.deadline.past");
        }
        if (r.openingAt().isBefore(r.bidDeadline())) {
            throw ProblemException.invalid("openingAt", "project.opening.before-deadline");
        }
        if (!r.documentsOnSaleUntil().isAfter(now)) {
            // a sale period already over cannot be published; refuse it now rather than at publication
            throw ProblemException.invalid("documentsOnSaleUntil", "project.sale.past");
        }
        if (!r.documentsOnSaleUntil().isAfter(r.documentsOnSaleFrom())) {
            throw ProblemException.invalid("documentsOnSaleUntil", "project.sale.order");
        }
        if (r.documentsOnSaleUntil().isAfter(r.bidDeadline())) {
            throw ProblemException.invalid("documentsOnSaleUntil", "project.sale.after-deadline");
        }
        checkPeriods(r.procedure(), r.documentsOnSaleFrom(), r.documentsOnSaleUntil(), r.bidDeadline(), testProject);
        for (int i = 0; i < r.lots().size(); i++) {
            Registration.LotRegistration lot = r.lots().get(i);
            BigDecimal max = rules.maximumDeposit(lot.estimate());
            if (lot.deposit().compareTo(max) > 0) {
                throw ProblemException.rule("deposit-limit", "lots[" + i + "].deposit", "project.rule.deposit-limit",
                        rules.depositPercent().toPlainString(), max.setScale(2, java.math.RoundingMode.DOWN).toPlainString());
            }
            if (lot.referencePrice() != null && lot.referencePrice().kind() == Registration.ReferencePrice.Kind.MINIMUM) {
                throw ProblemException.rule("minimum-price-forbidden", "lots[" + i + "].referencePrice",
                        "project.rule.minimum-price-forbidden");
            }
        }
    }

    private void checkPeriods(Procedure procedure, Instant issue, Instant saleUntil, Instant deadline,
            boolean testProject) {
        rules.minimumBidPeriod(procedure).map(min -> accelerator.scale(min, testProject)).ifPresent(min -> {
            if (Duration.between(issue, deadline).compareTo(min) < 0) {
                throw ProblemException.rule("bid-period-minimum", "bidDeadline", "project.rule.bid-period-minimum",
                        min.toDays());
            }
        });
        rules.minimumSalePeriod(procedure).map(min -> accelerator.scale(min, testProject)).ifPresent(min -> {
            if (Duration.between(issue, saleUntil).compareTo(min) < 0) {
                throw ProblemException.rule("document-sale-minimum", "documentsOnSaleUntil",
                        "project.rule.document-sale-minimum", min.toDays());
            }
        });
    }

    /** A project's intake facts for oversight figures: no texts, no prices beyond the lots' public estimates. */
    public record IntakeFacts(UUID id, String transactionCode, String name, ProjectType type, ProjectStatus status,
            Instant registeredAt, Instant publishedAt, List<ProjectView.LotView> lots) {
    }

    /** Every project past the draft stage, oldest registration first (read-only, for regulators' statistics). */
    @Transactional(readOnly = true)
    public List<IntakeFacts> intakeFacts() {
        return projects.intakeFacts();
    }

    @Transactional(readOnly = true)
    public ProjectView find(CurrentUser user, UUID id) {
        return findIfVisible(user, id).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /**
     * As {@link #find}, but empty instead of a 404: a caller inside its own transaction asks without the failure
     * marking that transaction rollback-only.
     */
    @Transactional(readOnly = true)
    public Optional<ProjectView> findIfVisible(CurrentUser user, UUID id) {
        return projects.find(id).filter(p -> visible(user, p));
    }

    /** Members see their own projects; the centre and regulators see everything past the draft stage. */
    @Transactional(readOnly = true)
    public List<ProjectView> list(CurrentUser user) {
        if (user.is(Role.STAFF) || user.is(Role.REGULATOR) || user.is(Role.ADMIN)) {
            return projects.withStatus(List.of(ProjectStatus.SUBMITTED, ProjectStatus.RETURNED, ProjectStatus.ACCEPTED,
                    ProjectStatus.PUBLISHED, ProjectStatus.TERMINATED));
        }
        return user.memberId().map(projects::ofMember).orElse(List.of());
    }

    /**
     * Published projects whose bid deadline is still ahead, soonest deadline first: what a bidder may bid for.
     * Suspended projects (an objection waiting for its answer) are included and flagged by {@code suspended}.
     */
    @Transactional(readOnly = true)
    public List<ProjectView> openForBidding() {
        java.time.Instant now = clock.instant();
        return projects.withStatus(List.of(ProjectStatus.PUBLISHED)).stream()
                .filter(p -> p.bidDeadline() != null && p.bidDeadline().isAfter(now))
                .sorted(java.util.Comparator.comparing(ProjectView::bidDeadline)).toList();
    }

    private static boolean visible(CurrentUser user, ProjectView p) {
        if (user.memberId().isPresent() && p.ownedBy(user.memberId().get())) {
            return true;
        }
        if (user.is(Role.STAFF) || user.is(Role.REGULATOR) || user.is(Role.ADMIN)) {
            return p.status() != ProjectStatus.DRAFT;
        }
        return p.status() == ProjectStatus.PUBLISHED;
    }

    private ProjectView owned(CurrentUser user, UUID id) {
        ProjectView p = projects.lock(id).filter(x -> visible(user, x))
                .orElseThrow(() -> ProblemException.notFound("project", id));
        if (user.memberId().isEmpty() || !p.ownedBy(user.memberId().get())) {
            throw ProblemException.forbidden("project.owner-only");
        }
        return p;
    }

    private ProjectView forCentre(CurrentUser user, UUID id) {
        return projects.lock(id).filter(x -> visible(user, x)).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    public ProjectView submit(CurrentUser user, UUID id) {
        ProjectView p = owned(user, id);
        if (p.status() == ProjectStatus.SUBMITTED) {
            return p;
        }
        requireStatus(p, ProjectStatus.DRAFT, ProjectStatus.RETURNED);
        Instant now = clock.instant();
        projects.setStatus(id, ProjectStatus.SUBMITTED, null, now);
        events.publishEvent(new ProjectEvents.ProjectSubmitted(id, user.accountId(), now));
        return projects.find(id).orElseThrow();
    }

    /** 进场登记: the centre accepts a submitted project. */
    public ProjectView accept(CurrentUser staff, UUID id) {
        ProjectView p = forCentre(staff, id);
        if (p.status() == ProjectStatus.ACCEPTED) {
            return p;
        }
        requireStatus(p, ProjectStatus.SUBMITTED);
        Instant now = clock.instant();
        projects.setStatus(id, ProjectStatus.ACCEPTED, null, now);
        events.publishEvent(new ProjectEvents.ProjectAccepted(id, staff.accountId(), now));
        return projects.find(id).orElseThrow();
    }

    public ProjectView returnProject(CurrentUser staff, UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "project.return.reason");
        }
        ProjectView p = forCentre(staff, id);
        requireStatus(p, ProjectStatus.SUBMITTED);
        Instant now = clock.instant();
        projects.setStatus(id, ProjectStatus.RETURNED, reason.strip(), now);
        events.publishEvent(new ProjectEvents.ProjectReturned(id, staff.accountId(), reason.strip(), now));
        return projects.find(id).orElseThrow();
    }

    private static void requireStatus(ProjectView p, ProjectStatus... allowed) {
        for (ProjectStatus s : allowed) {
            if (p.status() == s) {
                return;
            }
        }
        throw ProblemException.conflict("project-status", "status", "project.status.wrong", p.status().name());
    }

    // --- joint review ----------------------------------------------------------------------------------------------

    /** Uploads a new version of the tender documents (stored by SHA-256). */
    public int uploadTenderDocuments(CurrentUser user, UUID id, String fileName, String contentType, InputStream in) {
        ProjectView p = owned(user, id);
        requireStatus(p, ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.RETURNED, ProjectStatus.ACCEPTED);
        DocumentFiles.Stored stored = files.store(in);
        if (stored.size() == 0) {
            throw ProblemException.invalid("file", "project.documents.empty");
        }
        Instant now = clock.instant();
        String name = fileName == null || fileName.isBlank() ? "tender-documents" : Path.of(fileName).getFileName().toString();
        int version = projects.addVersion(id, ReviewItem.TENDER_DOCUMENTS, null, stored.sha256(),
                name.length() > 255 ? name.substring(0, 255) : name, stored.size(),
                contentType == null ? "application/octet-stream" : contentType, user.accountId(), now);
        events.publishEvent(new ProjectEvents.ReviewItemRevised(id, ReviewItem.TENDER_DOCUMENTS, version, user.accountId(), now));
        return version;
    }

    public int reviseAnnouncement(CurrentUser user, UUID id, String text) {
        if (text == null || text.isBlank() || text.length() > 20000) {
            throw ProblemException.invalid("text", "project.announcement.text");
        }
        ProjectView p = owned(user, id);
        requireStatus(p, ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.RETURNED, ProjectStatus.ACCEPTED);
        Instant now = clock.instant();
        int version = projects.addVersion(id, ReviewItem.ANNOUNCEMENT, text, null, null, null, null, user.accountId(), now);
        events.publishEvent(new ProjectEvents.ReviewItemRevised(id, ReviewItem.ANNOUNCEMENT, version, user.accountId(), now));
        return version;
    }

    /** A reviewer approves or returns the latest version of an item. */
    public ReviewSheet review(CurrentUser reviewer, UUID id, ReviewItem item, int version, boolean approve, String comment) {
        ProjectView p = forCentre(reviewer, id);
        List<Role> required = rules.reviewers().get(p.type());
        if (!required.contains(reviewer.role())) {
            throw ProblemException.forbidden("project.review.not-reviewer");
        }
        requireStatus(p, ProjectStatus.ACCEPTED);
        if (!approve && (comment == null || comment.isBlank())) {
            throw ProblemException.invalid("comment", "project.review.comment-required");
        }
        int latest = projects.latestVersion(id, item).map(Projects.Version::version)
                .orElseThrow(() -> ProblemException.conflict("review-nothing-to-review", "item",
                        "project.review.no-version", item.name()));
        if (version != latest) {
            throw ProblemException.conflict("review-stale-version", "version", "project.review.stale", latest);
        }
        Instant now = clock.instant();
        if (!projects.addOpinion(id, item, version, reviewer.accountId(), reviewer.role().name(), approve, comment, now)) {
            throw ProblemException.conflict("review-already-given", "item", "project.review.already-given",
                    reviewer.role().name());
        }
        events.publishEvent(new ProjectEvents.ReviewOpinionGiven(id, item, version, reviewer.accountId(),
                reviewer.role().name(), approve, now));
        return sheet(p);
    }

    /** Every version and every opinion, side by side, with what publication still needs. */
    public record ReviewSheet(UUID projectId, List<Role> requiredRoles, List<ItemHistory> items, boolean readyToPublish) {
        public record ItemHistory(ReviewItem item, List<VersionWithOpinions> versions, List<String> missingApprovals) {
        }

        public record VersionWithOpinions(int version, Instant createdAt, String body, String fileName, String sha256,
                Long size, List<Projects.Opinion> opinions) {
        }
    }

    @Transactional(readOnly = true)
    public ReviewSheet reviewSheet(CurrentUser user, UUID id) {
        ProjectView p = projects.find(id).filter(x -> visible(user, x))
                .orElseThrow(() -> ProblemException.notFound("project", id));
        if (!(user.memberId().isPresent() && p.ownedBy(user.memberId().get())) && !user.is(Role.STAFF)
                && !user.is(Role.REGULATOR) && !user.is(Role.ADMIN)) {
            throw ProblemException.notFound("project", id);
        }
        return sheet(p);
    }

    private ReviewSheet sheet(ProjectView p) {
        List<Role> required = rules.reviewers().get(p.type());
        List<Projects.Version> versions = projects.versions(p.id());
        List<Projects.Opinion> opinions = projects.opinions(p.id());
        List<ReviewSheet.ItemHistory> items = new ArrayList<>();
        boolean ready = true;
        for (ReviewItem item : ReviewItem.values()) {
            List<ReviewSheet.VersionWithOpinions> vs = versions.stream().filter(v -> v.item() == item)
                    .map(v -> new ReviewSheet.VersionWithOpinions(v.version(), v.createdAt(), v.body(), v.fileName(),
                            v.fileSha256(), v.fileSize(), opinions.stream()
                                    .filter(o -> o.item() == item && o.version() == v.version()).toList()))
                    .toList();
            List<String> missing = new ArrayList<>();
            if (vs.isEmpty()) {
                missing.addAll(required.stream().map(Enum::name).toList());
            } else {
                ReviewSheet.VersionWithOpinions latest = vs.get(vs.size() - 1);
                for (Role role : required) {
                    boolean approved = latest.opinions().stream()
                            .anyMatch(o -> o.approved() && o.reviewerRole().equals(role.name()));
                    if (!approved) {
                        missing.add(role.name());
                    }
                }
            }
            ready &= missing.isEmpty();
            items.add(new ReviewSheet.ItemHistory(item, vs, missing));
        }
        return new ReviewSheet(p.id(), required, items, ready);
    }

    // --- publication ---------------------------------------------------------------------------------------------

    /**
     * Publishes the tender announcement once every required reviewer approved the latest versions. Idempotent: a
     * published project returns its announcement again.
     */
    public Notice publish(CurrentUser user, UUID id) {
        ProjectView p = projects.lock(id).filter(x -> visible(user, x))
                .orElseThrow(() -> ProblemException.notFound("project", id));
        boolean owner = user.memberId().isPresent() && p.ownedBy(user.memberId().get());
        if (!owner && !user.is(Role.STAFF)) {
            throw ProblemException.forbidden("project.owner-only");
        }
        return publish(p);
    }

    Notice publish(ProjectView p) {
        String key = "project:" + p.id() + ":tender-announcement";
        if (p.status() == ProjectStatus.PUBLISHED) {
            return notices.ofProject(p.id()).stream().filter(n -> n.kind() == NoticeKind.TENDER_ANNOUNCEMENT)
                    .findFirst().orElseThrow();
        }
        requireStatus(p, ProjectStatus.ACCEPTED);
        ReviewSheet sheet = sheet(p);
        if (!sheet.readyToPublish()) {
            String missing = sheet.items().stream().filter(i -> !i.missingApprovals().isEmpty())
                    .map(i -> i.item() + ":" + String.join("+", i.missingApprovals())).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            throw ProblemException.rule("review-approvals-missing", "review", "project.rule.review-approvals-missing",
                    missing);
        }
        Instant now = clock.instant();
        Instant issue = p.documentsOnSaleFrom().isAfter(now) ? p.documentsOnSaleFrom() : now;
        checkPeriods(p.procedure(), issue, p.documentsOnSaleUntil(), p.bidDeadline(), p.testProject());
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
    public ClarificationOutcome clarify(CurrentUser user, UUID id, String title, String body, boolean affectsBids,
            UUID corrects) {
        if (title == null || title.isBlank() || title.length() > 300) {
            throw ProblemException.invalid("title", "project.clarification.title");
        }
        if (body == null || body.isBlank() || body.length() > 20000) {
            throw ProblemException.invalid("body", "project.clarification.body");
        }
        ProjectView p = owned(user, id);
        requireStatus(p, ProjectStatus.PUBLISHED);
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

    // --- moving the deadline --------------------------------------------------------------------------------------

    /** A deadline move done: the project before and after, and the members who downloaded its documents (to tell). */
    public record DeadlineChange(ProjectView before, ProjectView after, List<UUID> downloaders) {
    }

    /**
     * Moves the bid deadline and opening of the project a lot belongs to (the deadline is the project's, one instant
     * for all its lots), under the statutory rules, each refusal naming its rule: the current deadline has not passed
     * ({@code deadline-passed}); the new one is at least 20 days after the documents were first issued
     * ({@code bid-period-minimum}, 招标投标法第二十四条); when the move accompanies a change of the documents that may
     * affect bids, at least 15 days after now ({@code clarification-period-minimum}, 招标投标法实施条例第二十一条). Test
     * projects' periods shrink with the scheduler's accelerator. Publishes {@link DeadlineMoved} per lot so bidding
     * moves its jobs in the same transaction.
     */
    public DeadlineChange moveDeadline(UUID lotId, Instant newDeadline, Instant newOpening, boolean documentsChanged) {
        UUID id = projects.projectOfLot(lotId).orElseThrow(() -> ProblemException.notFound("lot", lotId));
        ProjectView p = projects.lock(id).filter(x -> x.status() == ProjectStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("lot", lotId));
        Instant now = clock.instant();
        if (!now.isBefore(p.bidDeadline())) {
            throw ProblemException.rule("deadline-passed", "newDeadline", "project.rule.deadline-move-after-deadline",
                    DISPLAY.format(p.bidDeadline()));
        }
        if (newDeadline == null || !newDeadline.isAfter(now)) {
            throw ProblemException.invalid("newDeadline", "project.deadline.past");
        }
        if (newOpening == null || newOpening.isBefore(newDeadline)) {
            throw ProblemException.invalid("newOpening", "project.opening.before-deadline");
        }
        rules.minimumBidPeriod(p.procedure()).map(min -> accelerator.scale(min, p.testProject())).ifPresent(min -> {
            if (Duration.between(p.documentsOnSaleFrom(), newDeadline).compareTo(min) < 0) {
                throw ProblemException.rule("bid-period-minimum", "newDeadline", "project.rule.bid-period-minimum",
                        min.toDays());
            }
        });
        Duration clarification = accelerator.scale(Duration.ofDays(rules.clarificationDays()), p.testProject());
        if (documentsChanged && Duration.between(now, newDeadline).compareTo(clarification) < 0) {
            throw ProblemException.rule("clarification-period-minimum", "newDeadline",
                    "project.rule.clarification-period-minimum", clarification.toDays());
        }
        projects.moveDeadline(id, newDeadline, newOpening, now);
        for (ProjectView.LotView lot : p.lots()) {
            events.publishEvent(new DeadlineMoved(id, lot.id(), p.bidDeadline(), newDeadline, newOpening));
        }
        List<UUID> downloaders = projects.downloads(id).stream().map(Projects.Download::memberId).toList();
        return new DeadlineChange(p, projects.find(id).orElseThrow(), downloaders);
    }

    // --- objections ------------------------------------------------------------------------------------------------

    public Projects.Objection fileObjection(CurrentUser bidder, UUID id, String text) {
        if (text == null || text.isBlank() || text.length() > 4000) {
            throw ProblemException.invalid("text", "project.objection.text");
        }
        UUID member = bidder.requireMember();
        ProjectView p = projects.lock(id).filter(x -> x.status() == ProjectStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("project", id));
        Instant now = clock.instant();
        if (!now.isBefore(rules.objectionsCloseAt(p.bidDeadline()))) {
            throw ProblemException.rule("objection-period-over", "bidDeadline", "project.rule.objection-period-over",
                    rules.objectionDays());
        }
        Projects.Objection o = new Projects.Objection(UUID.randomUUID(), id, member, text.strip(), now,
                now.plus(Duration.ofDays(rules.objectionAnswerDays())), null, null, false);
        projects.addObjection(o);
        events.publishEvent(new ProjectEvents.ObjectionFiled(id, o.id(), member, o.answerDue(), now));
        return o;
    }

    public void answerObjection(CurrentUser user, UUID id, UUID objectionId, String answer) {
        if (answer == null || answer.isBlank() || answer.length() > 4000) {
            throw ProblemException.invalid("answer", "project.objection.answer");
        }
        owned(user, id);
        Instant now = clock.instant();
        if (!projects.answer(id, objectionId, answer.strip(), now)) {
            throw ProblemException.conflict("objection-not-open", "objectionId", "project.objection.not-open");
        }
        events.publishEvent(new ProjectEvents.ObjectionAnswered(id, objectionId, user.accountId(), now));
    }

    /** Owner and centre see all objections; a bidder sees its own. */
    @Transactional(readOnly = true)
    public List<Projects.Objection> objections(CurrentUser user, UUID id) {
        ProjectView p = find(user, id);
        Instant now = clock.instant();
        List<Projects.Objection> all = projects.objections(p.id()).stream().map(o -> o.asOf(now)).toList();
        boolean owner = user.memberId().isPresent() && p.ownedBy(user.memberId().get());
        if (owner || user.is(Role.STAFF) || user.is(Role.REGULATOR) || user.is(Role.ADMIN)) {
            return all;
        }
        return all.stream().filter(o -> user.memberId().map(o.filedBy()::equals).orElse(false)).toList();
    }

    /** One objection to a project's documents, for the complaint that may follow it. */
    @Transactional(readOnly = true)
    public Optional<ObjectionRecord> objection(UUID objectionId) {
        return projects.objection(objectionId).map(ProjectManagement::record);
    }

    /** The member's own objections to documents, newest first (what it may complain about). */
    @Transactional(readOnly = true)
    public List<ObjectionRecord> objectionsFiledBy(UUID member) {
        return projects.objectionsFiledBy(member).stream().map(ProjectManagement::record).toList();
    }

    private static ObjectionRecord record(Projects.Objection o) {
        return new ObjectionRecord(o.id(), ProjectId.of(o.projectId()), org.sunbid.member.MemberId.of(o.filedBy()),
                o.filedAt(), o.answerDue(), o.answeredAt());
    }

    /**
     * Suspends the project on behalf of {@code holder} (a complaint the regulator handles, 实施条例 art. 62): the
     * project shows {@code suspended} until every holder releases it.
     */
    public void hold(UUID projectId, UUID holder, String reason) {
        projects.hold(projectId, holder, reason, clock.instant());
    }

    public void release(UUID projectId, UUID holder) {
        projects.release(projectId, holder);
    }

    // --- documents -------------------------------------------------------------------------------------------------

    public record DocumentFile(Path path, String fileName, String contentType, long size, String sha256) {
    }

    /** A bidder downloads the latest approved tender documents of a published project; the download is recorded. */
    public DocumentFile downloadTenderDocuments(CurrentUser bidder, UUID id) {
        UUID member = bidder.requireMember();
        ProjectView p = projects.find(id).filter(x -> x.status() == ProjectStatus.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("project", id));
        Projects.Version v = projects.latestVersion(p.id(), ReviewItem.TENDER_DOCUMENTS)
                .orElseThrow(() -> ProblemException.notFound("tender documents", id));
        Instant now = clock.instant();
        projects.recordDownload(id, member, now);
        events.publishEvent(new ProjectEvents.TenderDocumentsDownloaded(id, member, now));
        return new DocumentFile(files.path(v.fileSha256()), v.fileName(), v.contentType(), v.fileSize(), v.fileSha256());
    }

    /** The latest approved tender documents of a project, for the platform's own reading (not a download). */
    @Transactional(readOnly = true)
    public Optional<DocumentFile> tenderDocumentsFile(UUID id) {
        return projects.latestVersion(id, ReviewItem.TENDER_DOCUMENTS).map(v -> new DocumentFile(files.path(v.fileSha256()),
                v.fileName(), v.contentType(), v.fileSize(), v.fileSha256()));
    }

    /** Who downloaded the documents: sealed (neither names nor number) until the bid deadline. */
    @Transactional(readOnly = true)
    public List<Projects.Download> downloads(CurrentUser user, UUID id) {
        ProjectView p = find(user, id);
        boolean owner = user.memberId().isPresent() && p.ownedBy(user.memberId().get());
        if (!owner && !user.is(Role.STAFF) && !user.is(Role.REGULATOR) && !user.is(Role.ADMIN)) {
            throw ProblemException.notFound("project", id);
        }
        if (clock.instant().isBefore(p.bidDeadline())) {
            throw ProblemException.rule("download-list-sealed", "bidDeadline", "project.rule.download-list-sealed");
        }
        return projects.downloads(id);
    }

    /** The review items of every type, for the demo seed and tests. */
    public Map<ProjectType, List<Role>> reviewers() {
        return new EnumMap<>(rules.reviewers());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
