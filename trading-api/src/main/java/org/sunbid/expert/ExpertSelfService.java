package org.sunbid.expert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.expert.internal.DrawStore;
import org.sunbid.expert.internal.LibraryStore;
import org.sunbid.expert.internal.LotFacts;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.member.RegionCode;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * What an expert sees of itself: its entry with names instead of codes (specialties, employer, region), its declared
 * conflicts with the companies' names, its leave, and its own history with the frequency cap's state. Nothing here
 * reads another expert.
 */
@Service
@Transactional(readOnly = true)
public class ExpertSelfService {

    static final int HISTORY_LIMIT = 50;

    private final LibraryStore library;
    private final DrawStore draws;
    private final LotFacts facts;
    private final MemberManagement members;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int frequencyCap;
    private final Duration frequencyPeriod;

    ExpertSelfService(LibraryStore library, DrawStore draws, LotFacts facts, MemberManagement members,
            ApplicationEventPublisher events, Clock clock,
            @Value("${sunbid.expert.frequency-cap:3}") int frequencyCap,
            @Value("${sunbid.expert.frequency-period:P30D}") Duration frequencyPeriod) {
        this.library = library;
        this.draws = draws;
        this.facts = facts;
        this.members = members;
        this.events = events;
        this.clock = clock;
        this.frequencyCap = frequencyCap;
        this.frequencyPeriod = frequencyPeriod;
    }

    public record Specialty(String code, String nameZh, String nameEn, String parentZh, String parentEn) {
    }

    /** The entry as its expert reads it: {@code title} is the enum, the page names it. */
    public record Profile(String name, String email, String title, int years, boolean qualified, String employerUscc,
            String employerName, String region, String regionName, List<Specialty> specialties, ExpertStatus status,
            String statusReason, Instant admittedAt) {
    }

    public record Conflict(UUID id, String uscc, String companyName, String reason, Instant declaredAt) {
    }

    /** The frequency cap: {@code used} of {@code limit} draws in the last {@code periodDays}; free again at {@code freesAt}. */
    public record Cap(int limit, long periodDays, int used, int remaining, Instant freesAt) {
    }

    public record Totals(int draws, int acceptances, int declines, int noAnswers, int noShows, Instant lastDraw) {
    }

    public record HistoryEntry(String transactionCode, String projectName, String lotName, SeatState state,
            Instant invitedAt, Instant answeredAt, String reason) {
    }

    public record History(Totals totals, Cap cap, List<HistoryEntry> entries) {
    }

    public Profile profile(MemberId expert) {
        LibraryStore.Entry e = entry(expert.value());
        Map<String, LibraryStore.Specialty> table = library.specialties();
        List<Specialty> specialties = new ArrayList<>();
        for (String code : e.specialties()) {
            LibraryStore.Specialty s = table.get(code);
            LibraryStore.Specialty parent = s == null || s.parent() == null ? null : table.get(s.parent());
            specialties.add(new Specialty(code, s == null ? code : s.nameZh(), s == null ? code : s.nameEn(),
                    parent == null ? null : parent.nameZh(), parent == null ? null : parent.nameEn()));
        }
        return new Profile(e.name(), e.email(), e.title().name(), e.years(), e.qualified(), e.employerUscc(),
                companyName(e.employerUscc()).orElse(null), e.region(), regionName(e.region()), specialties,
                e.status(), e.statusReason(), e.admittedAt());
    }

    /** The expert's declared conflicts still in force, each with the company's name where the registry knows it. */
    public List<Conflict> conflicts(MemberId expertMember) {
        UUID expert = expertMember.value();
        entry(expert);
        return library.conflictsOf(expert).stream().filter(c -> c.withdrawnAt() == null)
                .map(c -> new Conflict(c.id(), c.uscc(), companyName(c.uscc()).orElse(null), c.reason(), c.declaredAt()))
                .toList();
    }

    /** Withdraws one of the expert's own leave periods (kept on record, marked withdrawn) and logs it. */
    @Transactional
    public void withdrawLeave(MemberId expertMember, LeaveId leaveId) {
        UUID expert = expertMember.value();
        UUID leave = leaveId.value();
        LibraryStore.Leave l = library.leavesOf(expert).stream().filter(x -> x.id().equals(leave)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("leave", leave));
        Instant now = clock.instant();
        if (!library.withdrawLeave(expert, leave, now)) {
            throw ProblemException.notFound("leave", leave);
        }
        events.publishEvent(new ExpertSelfEvents.LeaveWithdrawn(expert, leave, l.startsAt(), l.endsAt(), now));
    }

    /** The expert's own invitations with their answers, totals and where it stands against the frequency cap. */
    public History history(MemberId expertMember) {
        UUID expert = expertMember.value();
        entry(expert);
        List<DrawStore.Seat> seats = draws.seatsOf(expert);
        DrawStore.Stats s = draws.stats(expert);
        Totals totals = new Totals(s.asked(), s.accepted(), s.declined(), s.expired(), s.replaced(), s.lastAsked());
        Instant now = clock.instant();
        Instant windowStart = now.minus(frequencyPeriod);
        List<Instant> inWindow = seats.stream().map(DrawStore.Seat::invitedAt)
                .filter(at -> at != null && !at.isBefore(windowStart)).sorted(Comparator.naturalOrder()).toList();
        int used = inWindow.size();
        // at the cap, a place frees when the oldest counted draw leaves the period
        Instant freesAt = used >= frequencyCap ? inWindow.get(used - frequencyCap).plus(frequencyPeriod) : null;
        Cap cap = new Cap(frequencyCap, frequencyPeriod.toDays(), used, Math.max(0, frequencyCap - used), freesAt);
        List<HistoryEntry> entries = new ArrayList<>();
        for (DrawStore.Seat seat : seats.subList(0, Math.min(seats.size(), HISTORY_LIMIT))) {
            LotFacts.Lot lot = facts.lot(seat.project(), seat.lot());
            entries.add(new HistoryEntry(lot.transactionCode(), lot.projectName(), lot.lotName(), seat.state(),
                    seat.invitedAt(), seat.answeredAt(), seat.reason()));
        }
        return new History(totals, cap, entries);
    }

    private LibraryStore.Entry entry(UUID expert) {
        return library.find(expert).orElseThrow(() -> ProblemException.notFound("expert", expert));
    }

    private Optional<String> companyName(String uscc) {
        if (uscc == null) {
            return Optional.empty();
        }
        return members.search(null, uscc, null, null, null, 0, 1).items().stream()
                .filter(m -> uscc.equals(m.uscc())).map(MemberViews.MemberSummary::name).findFirst();
    }

    /** The division's name; a prefix (a province or city) is named by its code padded with zeros. */
    static String regionName(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String padded = (code + "000000").substring(0, 6);
        return RegionCode.table().get(padded);
    }
}
