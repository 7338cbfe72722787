package org.sunbid.expert;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.DrawStore;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberViews;
import org.sunbid.member.RegionCode;
import org.sunbid.member.UnifiedSocialCreditCode;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * The expert library (专家库): staff admit approved expert members with their specialties and region, and suspend,
 * reinstate or retire them; experts keep their own e-mail, conflicts and leave. Every change is a new version of the
 * entry, so a draw's pool is the library as it stood at the bid deadline.
 */
@Service
@Transactional
public class ExpertLibrary {

    static final int MAX_SPECIALTIES = 10;

    private final LibraryStore library;
    private final DrawStore draws;
    private final org.sunbid.expert.internal.LotFacts facts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertLibrary(LibraryStore library, DrawStore draws, org.sunbid.expert.internal.LotFacts facts,
            ApplicationEventPublisher events, Clock clock) {
        this.library = library;
        this.draws = draws;
        this.facts = facts;
        this.events = events;
        this.clock = clock;
    }

    public record Admission(UUID memberId, String region, List<String> specialties, String email) {
    }

    public record ExpertView(UUID memberId, String name, String email, String title, int years, boolean qualified,
            String employerUscc, String region, String regionName, List<String> specialties, ExpertStatus status,
            String statusReason, Instant admittedAt, Stats stats) {
    }

    /** Per expert: how often asked, and how it answered. */
    public record Stats(int draws, int acceptances, int declines, int noAnswers, int replaced, Instant lastDraw) {
    }

    public record SpecialtyView(String code, String parent, String category, String nameZh, String nameEn) {
    }

    /** Staff admit an approved expert member; specialties must be codes of the table. */
    public ExpertView admit(Admission a, AccountId staffAccount) {
        UUID staff = AccountId.uuidOrNull(staffAccount);
        if (a == null || a.memberId() == null) {
            throw ProblemException.invalid("memberId", "expert.member.required");
        }
        MemberViews.MemberDetails member = facts.member(a.memberId())
                .filter(m -> m.role() == Role.EXPERT && m.expert() != null)
                .orElseThrow(() -> ProblemException.invalid("memberId", "expert.member.not-expert"));
        if (member.status() != org.sunbid.member.MemberStatus.APPROVED) {
            throw ProblemException.rule("expert-not-approved", "memberId", "expert.member.not-approved");
        }
        if (library.find(a.memberId()).isPresent()) {
            throw ProblemException.conflict("expert-already-admitted", "memberId", "expert.member.admitted");
        }
        Instant now = clock.instant();
        LibraryStore.Entry entry = new LibraryStore.Entry(a.memberId(), member.expert().name(), email(a.email()),
                member.expert().title(), member.expert().yearsInField(), member.expert().employerUscc(),
                region(a.region(), member.expert().employerUscc()), specialties(a.specialties()), ExpertStatus.ACTIVE,
                null, now, now);
        library.insert(entry);
        events.publishEvent(new ExpertEvents.ExpertAdmitted(entry.member(), entry.region(), entry.specialties(), staff, now));
        return view(entry);
    }

    /** Staff suspend, reinstate or retire an expert, with a reason. */
    public ExpertView changeStatus(MemberId expertMember, ExpertStatus next, String reason, AccountId staffAccount) {
        UUID expert = expertMember.value();
        UUID staff = AccountId.uuidOrNull(staffAccount);
        if (next == null) {
            throw ProblemException.invalid("status", "expert.status.required");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", "expert.reason.required");
        }
        LibraryStore.Entry e = library.lock(expert).orElseThrow(() -> ProblemException.notFound("expert", expert));
        if (!e.status().mayBecome(next)) {
            throw ProblemException.conflict("expert-status-transition", "status", "expert.status.transition",
                    e.status().name(), next.name());
        }
        Instant now = clock.instant();
        LibraryStore.Entry changed = new LibraryStore.Entry(e.member(), e.name(), e.email(), e.title(), e.years(),
                e.employerUscc(), e.region(), e.specialties(), next, reason.strip(), e.admittedAt(), now);
        library.update(changed);
        events.publishEvent(new ExpertEvents.ExpertStatusChanged(expert, e.status(), next, reason.strip(), staff, now));
        return view(changed);
    }

    /** Staff or the expert change region, specialties or e-mail (a new version of the entry). */
    public ExpertView changeProfile(MemberId expertMember, String region, List<String> specialties, String email,
            AccountId actorAccount) {
        UUID expert = expertMember.value();
        UUID actor = AccountId.uuidOrNull(actorAccount);
        LibraryStore.Entry e = library.lock(expert).orElseThrow(() -> ProblemException.notFound("expert", expert));
        Instant now = clock.instant();
        LibraryStore.Entry changed = new LibraryStore.Entry(e.member(), e.name(), email == null ? e.email() : email(email),
                e.title(), e.years(), e.employerUscc(), region == null ? e.region() : region(region, null),
                specialties == null ? e.specialties() : specialties(specialties), e.status(), e.statusReason(),
                e.admittedAt(), now);
        library.update(changed);
        events.publishEvent(new ExpertEvents.ExpertProfileChanged(expert, changed.region(), changed.specialties(),
                changed.email() == null ? null : "(set)", actor, now));
        return view(changed);
    }

    public LibraryStore.Conflict declareConflict(MemberId expertMember, String uscc, String reason) {
        UUID expert = expertMember.value();
        requireEntry(expert);
        String code;
        try {
            code = UnifiedSocialCreditCode.parse(uscc).value();
        } catch (RuntimeException e) {
            throw ProblemException.invalid("uscc", "expert.conflict.uscc");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", "expert.reason.required");
        }
        LibraryStore.Conflict c = new LibraryStore.Conflict(UUID.randomUUID(), expert, code, reason.strip(),
                clock.instant(), null);
        library.insertConflict(c);
        events.publishEvent(new ExpertEvents.ConflictDeclared(expert, c.id(), code, c.reason(), c.declaredAt()));
        return c;
    }

    public void withdrawConflict(MemberId expertMember, ConflictId conflictId) {
        UUID expert = expertMember.value();
        UUID conflict = conflictId.value();
        if (!library.withdrawConflict(expert, conflict, clock.instant())) {
            throw ProblemException.notFound("conflict", conflict);
        }
        events.publishEvent(new ExpertEvents.ConflictWithdrawn(expert, conflict, clock.instant()));
    }

    public LibraryStore.Leave declareLeave(MemberId expertMember, Instant startsAt, Instant endsAt, String reason) {
        UUID expert = expertMember.value();
        requireEntry(expert);
        if (startsAt == null) {
            throw ProblemException.invalid("startsAt", "expert.leave.required");
        }
        if (endsAt == null || !endsAt.isAfter(startsAt)) {
            throw ProblemException.invalid("endsAt", "expert.leave.order");
        }
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalid("reason", "expert.reason.too-long", 500);
        }
        LibraryStore.Leave l = new LibraryStore.Leave(UUID.randomUUID(), expert, startsAt, endsAt, reason,
                clock.instant());
        library.insertLeave(l);
        events.publishEvent(new ExpertEvents.LeaveDeclared(expert, l.id(), startsAt, endsAt, l.declaredAt()));
        return l;
    }

    @Transactional(readOnly = true)
    public ExpertView find(MemberId expert) {
        return view(requireEntry(expert.value()));
    }

    @Transactional(readOnly = true)
    public List<LibraryStore.Conflict> conflicts(MemberId expert) {
        return library.conflictsOf(expert.value());
    }

    @Transactional(readOnly = true)
    public List<LibraryStore.Leave> leaves(MemberId expert) {
        return library.leavesOf(expert.value());
    }

    @Transactional(readOnly = true)
    public List<ExpertView> list(ExpertStatus status, String specialty, int limit) {
        return library.list(status, specialty, Math.max(1, Math.min(limit, 500))).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<SpecialtyView> specialties() {
        List<SpecialtyView> list = new ArrayList<>();
        library.specialties().values().forEach(s -> list.add(new SpecialtyView(s.code(), s.parent(), s.category(),
                s.nameZh(), s.nameEn())));
        return list;
    }

    @Transactional(readOnly = true)
    public long size() {
        return library.count();
    }

    private LibraryStore.Entry requireEntry(UUID expert) {
        return library.find(expert).orElseThrow(() -> ProblemException.notFound("expert", expert));
    }

    private ExpertView view(LibraryStore.Entry e) {
        DrawStore.Stats s = draws.stats(e.member());
        return new ExpertView(e.member(), e.name(), e.email(), e.title().name(), e.years(), e.qualified(),
                e.employerUscc(), e.region(), new RegionCode(e.region()).name().orElse(null), e.specialties(),
                e.status(), e.statusReason(), e.admittedAt(),
                new Stats(s.asked(), s.accepted(), s.declined(), s.expired(), s.replaced(), s.lastAsked()));
    }

    private List<String> specialties(List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw ProblemException.invalid("specialties", "expert.specialty.required");
        }
        if (codes.size() > MAX_SPECIALTIES) {
            throw ProblemException.invalid("specialties", "expert.specialty.too-many", MAX_SPECIALTIES);
        }
        Map<String, LibraryStore.Specialty> known = library.specialties();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            if (!known.containsKey(code)) {
                throw ProblemException.invalid("specialties[" + i + "]", "expert.specialty.unknown", code);
            }
            if (!out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    /** The given division, or the one the employer's code was registered in (its third to eighth characters). */
    private static String region(String region, String employerUscc) {
        String value = region == null || region.isBlank()
                ? employerUscc == null ? null : employerUscc.substring(2, 8)
                : region.strip();
        try {
            return new RegionCode(value).value();
        } catch (RuntimeException e) {
            throw ProblemException.invalid("region", "expert.region.invalid");
        }
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip();
        if (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ProblemException.invalid("email", "expert.email.invalid");
        }
        return e;
    }
}
