package org.sunbid.project;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectEvents.DeadlineMoved;
import org.sunbid.project.internal.DocumentFiles;
import org.sunbid.project.internal.ProjectAccess;
import org.sunbid.project.internal.ProjectRules;
import org.sunbid.project.internal.Projects;
import org.sunbid.project.internal.StatutoryPeriods;
import org.sunbid.scheduler.TimeAccelerator;

/**
 * Intake (进场登记) of projects and what other features read of them: registration under the statutory checks,
 * submission, acceptance or return by the centre, moving the deadline, and queries. Refusals name their rule as the
 * problem type ({@code deposit-limit}, {@code bid-period-minimum}, …); projects others may not see are reported as not
 * found. The later steps are use-case services beside it: {@link ProjectReview}, {@link ProjectPublication},
 * {@link ProjectObjections}, {@link TenderDocuments}.
 */
@Service
@Transactional
public class ProjectManagement {

    static final ZoneId CHINA = org.sunbid.platform.PlatformZone.ZONE;
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm").withZone(CHINA);

    private final Projects projects;
    private final ProjectAccess access;
    private final StatutoryPeriods periods;
    private final DocumentFiles files;
    private final ProjectRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TimeAccelerator accelerator;

    ProjectManagement(Projects projects, ProjectAccess access, StatutoryPeriods periods, DocumentFiles files,
            ProjectRules rules, ApplicationEventPublisher events, Clock clock, TimeAccelerator accelerator) {
        this.projects = projects;
        this.access = access;
        this.periods = periods;
        this.files = files;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
        this.accelerator = accelerator;
    }

    // --- intake --------------------------------------------------------------------------------------------------

    /** Registers a draft project for the caller's member (a tenderee, or an agent acting for one). */
    public ProjectView register(CurrentUser user, Registration r) {
        if (!user.is(Role.TENDEREE) && !user.is(Role.AGENT)) {
            throw ProblemException.forbidden("problem.forbidden");
        }
        return register(ProjectId.of(UUID.randomUUID()), MemberId.of(user.requireMember()), user.role(), user.account(), r);
    }

    /** Registration with a given id and acting member (used by the demo seed; callers check the role). */
    public ProjectView register(ProjectId project, MemberId member, Role role, AccountId account, Registration r) {
        UUID projectId = project.value();
        UUID memberId = member.value();
        UUID accountId = account.value();
        return register(projectId, memberId, role, accountId, r, false);
    }

    /**
     * Registers a test project (the demo tender, end-to-end tests): flagged as such, and its statutory minimum periods
     * are shrunk by the scheduler's {@link TimeAccelerator} (one day lasts {@code sunbid.scheduler.test-project-day}).
     * Callers check the role, as for the demo seed.
     */
    public ProjectView registerTestProject(ProjectId project, MemberId member, Role role, AccountId account, Registration r) {
        UUID projectId = project.value();
        UUID memberId = member.value();
        UUID accountId = account.value();
        return register(projectId, memberId, role, accountId, r, true);
    }

    private ProjectView register(UUID projectId, UUID memberId, Role role, UUID accountId, Registration r,
            boolean testProject) {
        Instant now = clock.instant();
        checkRegistration(r, role, now, testProject);
        UUID tenderee = role == Role.AGENT ? r.tendereeMemberId() : memberId;
        UUID agency = role == Role.AGENT ? memberId : null;
        String region = org.sunbid.member.RegionCode.parse(r.regionCode()).value();
        String code = "%s%d%c%06d".formatted(region, now.atZone(CHINA).getYear(), r.type().letter(),
                projects.nextTransactionNumber());
        projects.insert(new Projects.NewProject(projectId, code, r.name().strip(), r.type(), r.procedure(),
                r.estimatedValue(), r.fundingSource(), r.approvalReference(), region,
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
        periods.check(r.procedure(), r.documentsOnSaleFrom(), r.documentsOnSaleUntil(), r.bidDeadline(), testProject);
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

    /** Every project past the draft stage, oldest registration first (read-only, for regulators' statistics). */
    @Transactional(readOnly = true)
    public List<IntakeFacts> intakeFacts() {
        return projects.intakeFacts();
    }

    /** The project if the caller may see it, or 404. */
    @Transactional(readOnly = true)
    public ProjectView find(CurrentUser user, ProjectId project) {
        UUID id = project.value();
        return findIfVisible(user, project).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /**
     * As {@link #find}, but empty instead of a 404: a caller inside its own transaction asks without the failure
     * marking that transaction rollback-only.
     */
    @Transactional(readOnly = true)
    public Optional<ProjectView> findIfVisible(CurrentUser user, ProjectId project) {
        UUID id = project.value();
        return access.find(user, id);
    }

    /** Members see their own projects; the centre and regulators see everything past the draft stage. */
    @Transactional(readOnly = true)
    public List<ProjectView> list(CurrentUser user) {
        if (ProjectAccess.isCentreOrOversight(user)) {
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
        Instant now = clock.instant();
        return projects.withStatus(List.of(ProjectStatus.PUBLISHED)).stream()
                .filter(p -> p.bidDeadline() != null && p.bidDeadline().isAfter(now))
                .sorted(Comparator.comparing(ProjectView::bidDeadline)).toList();
    }

    /** The owner submits its project to the centre (idempotent). */
    public ProjectView submit(CurrentUser user, ProjectId project) {
        UUID id = project.value();
        ProjectView p = access.owned(user, id);
        if (p.status() == ProjectStatus.SUBMITTED) {
            return p;
        }
        ProjectAccess.requireStatus(p, ProjectStatus.DRAFT, ProjectStatus.RETURNED);
        Instant now = clock.instant();
        projects.setStatus(id, ProjectStatus.SUBMITTED, null, now);
        events.publishEvent(new ProjectEvents.ProjectSubmitted(id, user.accountId(), now));
        return projects.find(id).orElseThrow();
    }

    /** 进场登记: the centre accepts a submitted project. */
    public ProjectView accept(CurrentUser staff, ProjectId project) {
        UUID id = project.value();
        ProjectView p = access.forCentre(staff, id);
        if (p.status() == ProjectStatus.ACCEPTED) {
            return p;
        }
        ProjectAccess.requireStatus(p, ProjectStatus.SUBMITTED);
        Instant now = clock.instant();
        projects.setStatus(id, ProjectStatus.ACCEPTED, null, now);
        events.publishEvent(new ProjectEvents.ProjectAccepted(id, staff.accountId(), now));
        return projects.find(id).orElseThrow();
    }

    /** The centre returns a submitted project with its reason. */
    public ProjectView returnProject(CurrentUser staff, ProjectId project, String reason) {
        UUID id = project.value();
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "project.return.reason");
        }
        ProjectView p = access.forCentre(staff, id);
        ProjectAccess.requireStatus(p, ProjectStatus.SUBMITTED);
        Instant now = clock.instant();
        projects.setStatus(id, ProjectStatus.RETURNED, reason.strip(), now);
        events.publishEvent(new ProjectEvents.ProjectReturned(id, staff.accountId(), reason.strip(), now));
        return projects.find(id).orElseThrow();
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
    public DeadlineChange moveDeadline(LotId movedLot, Instant newDeadline, Instant newOpening, boolean documentsChanged) {
        UUID lotId = movedLot.value();
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
        List<UUID> downloaders = projects.downloads(id).stream().map(DocumentDownload::memberId).toList();
        return new DeadlineChange(p, projects.find(id).orElseThrow(), downloaders);
    }

    /** The latest approved tender documents of a project, for the platform's own reading (not a download). */
    @Transactional(readOnly = true)
    public Optional<DocumentFile> tenderDocumentsFile(ProjectId project) {
        UUID id = project.value();
        return projects.latestVersion(id, ReviewItem.TENDER_DOCUMENTS).map(v -> new DocumentFile(files.path(v.fileSha256()),
                v.fileName(), v.contentType(), v.fileSize(), v.fileSha256()));
    }

    /** The review items of every type, for the demo seed and tests. */
    public Map<ProjectType, List<Role>> reviewers() {
        return new EnumMap<>(rules.reviewers());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Suspends the project on behalf of {@code holder} (a complaint the regulator handles, 实施条例 art. 62): the
     * project shows {@code suspended} until every holder releases it.
     */
    public void hold(ProjectId project, HolderId holderId, String reason) {
        UUID projectId = project.value();
        UUID holder = holderId.value();
        projects.hold(projectId, holder, reason, clock.instant());
    }

    public void release(ProjectId project, HolderId holderId) {
        UUID projectId = project.value();
        UUID holder = holderId.value();
        projects.release(projectId, holder);
    }
}
