package org.sunbid.project;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.internal.ProjectAccess;
import org.sunbid.project.internal.ProjectRules;
import org.sunbid.project.internal.Projects;

/** Objections to the tender documents (招标文件异议, 招标投标法实施条例第二十二条): filed by bidders, answered by the owner. */
@Service
@Transactional
public class ProjectObjections {

    private final Projects projects;
    private final ProjectAccess access;
    private final ProjectRules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectObjections(Projects projects, ProjectAccess access, ProjectRules rules, ApplicationEventPublisher events,
            Clock clock) {
        this.projects = projects;
        this.access = access;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    /** A bidder objects to the documents, until the objection period closes (10 days before the deadline). */
    public Objection fileObjection(CurrentUser bidder, ProjectId project, String text) {
        UUID id = project.value();
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
        Objection o = new Objection(UUID.randomUUID(), id, member, text.strip(), now,
                now.plus(Duration.ofDays(rules.objectionAnswerDays())), null, null, false);
        projects.addObjection(o);
        events.publishEvent(new ProjectEvents.ObjectionFiled(id, o.id(), member, o.answerDue(), now));
        return o;
    }

    /** The owner answers an open objection (due within 3 days). */
    public void answerObjection(CurrentUser user, ProjectId project, ObjectionId objection, String answer) {
        UUID objectionId = objection.value();
        UUID id = project.value();
        if (answer == null || answer.isBlank() || answer.length() > 4000) {
            throw ProblemException.invalid("answer", "project.objection.answer");
        }
        access.owned(user, id);
        Instant now = clock.instant();
        if (!projects.answer(id, objectionId, answer.strip(), now)) {
            throw ProblemException.conflict("objection-not-open", "objectionId", "project.objection.not-open");
        }
        events.publishEvent(new ProjectEvents.ObjectionAnswered(id, objectionId, user.accountId(), now));
    }

    /** Owner and centre see all objections; a bidder sees its own. */
    @Transactional(readOnly = true)
    public List<Objection> objections(CurrentUser user, ProjectId project) {
        ProjectView p = access.require(user, project.value());
        Instant now = clock.instant();
        List<Objection> all = projects.objections(p.id()).stream().map(o -> o.asOf(now)).toList();
        boolean owner = ProjectAccess.owns(user, p);
        if (owner || ProjectAccess.isCentreOrOversight(user)) {
            return all;
        }
        return all.stream().filter(o -> user.memberId().map(o.filedBy()::equals).orElse(false)).toList();
    }

    /** One objection to a project's documents, for the complaint that may follow it. */
    @Transactional(readOnly = true)
    public java.util.Optional<ObjectionRecord> objection(ObjectionId objection) {
        UUID objectionId = objection.value();
        return projects.objection(objectionId).map(ProjectObjections::record);
    }

    /** The member's own objections to documents, newest first (what it may complain about). */
    @Transactional(readOnly = true)
    public List<ObjectionRecord> objectionsFiledBy(MemberId memberId) {
        UUID member = memberId.value();
        return projects.objectionsFiledBy(member).stream().map(ProjectObjections::record).toList();
    }

    private static ObjectionRecord record(Objection o) {
        return new ObjectionRecord(o.id(), ProjectId.of(o.projectId()), org.sunbid.platform.id.MemberId.of(o.filedBy()),
                o.filedAt(), o.answerDue(), o.answeredAt(), ObjectionRecord.Subject.DOCUMENTS);
    }
}
