package org.sunbid.demo.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.expert.CommitteePlan;
import org.sunbid.expert.CommitteePlans;
import org.sunbid.expert.CommitteeViews;
import org.sunbid.expert.Committees;
import org.sunbid.expert.ExpertAnswers;
import org.sunbid.demo.seed.DemoExperts;
import org.sunbid.expert.ExpertDraws;
import org.sunbid.expert.ExpertLibrary;
import org.sunbid.expert.ExpertStatus;
import org.sunbid.expert.SeatId;
import org.sunbid.expert.SeatState;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;

/**
 * The demo tender's committee: the plan set before publication (five building-works experts from the demo library),
 * the draw that the opening triggers (drawn again by hand while the demo library is still filling), and the drawn demo
 * experts answering their invitations. The demo experts are people outside the platform acting through its API; their
 * keys are the demo CA's PKCS#12 files kept under {@code <data-dir>/demo/experts}.
 */
@Component
public class DemoCommittee {

    /**
     * The demo expert library writes each expert's key file with the demo login password (so a person trying the demo
     * can open it in the browser as that expert); not the platform's key passphrase.
     */
    private static final String EXPERT_KEY_PASSWORD = "Demo@Sunbid2026";

    private static final Logger log = LoggerFactory.getLogger(DemoCommittee.class);
    /** Building works (土建、装饰、安装…): the demo project is a residential renovation. */
    static final String SPECIALTY = "B01";
    static final int EXPERTS = CommitteePlan.MINIMUM_MEMBERS;
    private static final String EMAIL_DOMAIN = "@experts.sunbid.demo";
    private static final Duration PATIENCE = Duration.ofMinutes(15);

    private final CommitteePlans plans;
    private final ExpertDraws draws;
    private final ExpertLibrary library;
    private final CommitteeViews views;
    private final ExpertAnswers answers;
    private final Committees committees;
    private final AccountManagement accounts;
    private final PlatformProperties platform;
    private final DemoExperts demoExperts;

    DemoCommittee(CommitteePlans plans, ExpertDraws draws, ExpertLibrary library, CommitteeViews views,
            ExpertAnswers answers, Committees committees, AccountManagement accounts, PlatformProperties platform,
            DemoExperts demoExperts) {
        this.plans = plans;
        this.draws = draws;
        this.library = library;
        this.views = views;
        this.answers = answers;
        this.committees = committees;
        this.accounts = accounts;
        this.platform = platform;
        this.demoExperts = demoExperts;
    }

    /**
     * Waits until the demo expert library is seeded (up to {@link #PATIENCE}): the lot's pool is frozen at the bid
     * deadline, and one frozen while the library still fills (a slow machine) may never yield a committee.
     */
    public void awaitLibrary(DemoPace pace) {
        if (pace.await(PATIENCE, Duration.ofSeconds(1), () -> demoExperts.seeded() ? Boolean.TRUE : null) == null) {
            log.warn("Demo tender: the demo expert library is still filling after {}; going on", PATIENCE);
        }
    }

    /** A seated demo expert as the person behind it: platform user and signing key. */
    public record Member(MemberId id, String name, CurrentUser user, SigningKey key) {
    }

    /** Sets the lot's committee plan while the project is a draft; publication freezes it. Idempotent. */
    public void plan(CurrentUser owner, UUID project, UUID lot) {
        try {
            plans.find(owner, new ProjectId(project), new LotId(lot));
            return;
        } catch (ProblemException absent) {
            // not planned yet
        }
        plans.set(owner, new ProjectId(project), new LotId(lot), new CommitteePlans.PlanInput(
                List.of(new CommitteePlan.Group(SPECIALTY, null, EXPERTS, 2)), List.of(), null));
    }

    /**
     * Waits for the committee to be seated: draws by hand if the scheduled draw was refused (the demo library may still
     * be filling), and lets every drawn demo expert accept. Returns the seated members, or empty after a long wait.
     */
    public Optional<List<Member>> seat(String code, UUID project, UUID lot, DemoPace pace) {
        LotId lotId = LotId.of(lot);
        List<Committees.CommitteeMember> seated = pace.await(PATIENCE, Duration.ofSeconds(1), () -> {
            if (committees.drawRecord(lotId).isEmpty()) {
                tryDraw(code, project, lotId);
            } else {
                acceptInvitations(code, lot);
            }
            List<Committees.CommitteeMember> now = committees.seated(lotId);
            return now.size() >= EXPERTS ? now : null;
        });
        if (seated == null) {
            log.warn("Demo tender {}: the committee was not seated within {}", code, PATIENCE);
            return Optional.empty();
        }
        Map<MemberId, String> usernames = demoExperts();
        return Optional.of(seated.stream().map(m -> member(m, usernames.get(m.member()))).toList());
    }

    private void tryDraw(String code, UUID project, LotId lot) {
        try {
            ExpertDraws.DrawSummary summary = draws.draw(new ProjectId(project), lot);
            log.info("Demo tender {}: experts drawn by hand ({} in the pool, {} avoided, {} invited)", code,
                    summary.pool(), summary.excluded(), summary.members());
        } catch (ProblemException refused) {
            log.debug("Demo tender {}: draw not possible yet: {}", code, refused.type());
        }
    }

    private void acceptInvitations(String code, UUID lot) {
        for (Map.Entry<MemberId, String> e : demoExperts().entrySet()) {
            Optional<AccountManagement.AccountView> account = accounts.findByUsername(e.getValue());
            if (account.isEmpty()) {
                continue;
            }
            CurrentUser expert = user(account.get());
            for (CommitteeViews.InvitationView invitation : views.invitations(expert)) {
                if (invitation.lotId().equals(lot) && invitation.state() == SeatState.INVITED) {
                    answers.accept(expert, new SeatId(invitation.seatId()));
                    log.info("Demo tender {}: expert {} accepted the invitation", code, e.getValue());
                }
            }
        }
    }

    /** The demo library's experts by member id, with their usernames (their e-mail is username@experts.sunbid.demo). */
    private Map<MemberId, String> demoExperts() {
        Map<MemberId, String> map = new LinkedHashMap<>();
        for (ExpertLibrary.ExpertView e : library.list(ExpertStatus.ACTIVE, SPECIALTY, 500)) {
            if (e.email() != null && e.email().endsWith(EMAIL_DOMAIN)) {
                map.put(MemberId.of(e.memberId()), e.email().substring(0, e.email().length() - EMAIL_DOMAIN.length()));
            }
        }
        return map;
    }

    private Member member(Committees.CommitteeMember seat, String username) {
        if (username == null) {
            throw new IllegalStateException("seated member " + seat.name() + " is not a demo expert");
        }
        CurrentUser user = user(DemoPeople.account(accounts, username));
        Path file = platform.dataDir().resolve("demo").resolve("experts").resolve(username + ".p12");
        if (!Files.exists(file)) {
            throw new IllegalStateException("the demo expert's key " + file + " is missing");
        }
        return new Member(seat.member(), seat.name(), user, Pkcs12.read(file, EXPERT_KEY_PASSWORD.toCharArray()));
    }

    private static CurrentUser user(AccountManagement.AccountView a) {
        return new CurrentUser(a.id(), a.username(), Role.EXPERT, a.memberId());
    }
}
