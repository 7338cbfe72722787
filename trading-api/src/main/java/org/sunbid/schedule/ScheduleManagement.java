package org.sunbid.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.platform.ProblemException;
import org.sunbid.identity.AccountId;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.schedule.internal.Bookings;
import org.sunbid.schedule.internal.Rooms;
import org.sunbid.scheduler.JobScheduler;

/**
 * Bookings of rooms for lots' openings and evaluations, staff views of them, and moving a lot's deadline together
 * with its bookings and scheduled jobs.
 */
@Service
@Transactional
public class ScheduleManagement {

    /** China Standard Time: the zone of day and week views. */
    public static final ZoneId ZONE = org.sunbid.platform.PlatformZone.ZONE;
    /** Job kind that closes a lot's submissions at its deadline. */
    public static final String CLOSE_SUBMISSIONS = "close-submissions";
    /** Job kind that opens a lot's bids. */
    public static final String OPEN_BIDS = "open-bids";

    private final Rooms rooms;
    private final Bookings bookings;
    private final JobScheduler jobs;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProjectManagement projects;
    private final TransactionTemplate transactions;
    private final TransactionTemplate refusals;

    ScheduleManagement(Rooms rooms, Bookings bookings, JobScheduler jobs, Notifications notifications,
            ApplicationEventPublisher events, Clock clock, ProjectManagement projects,
            PlatformTransactionManager transactionManager) {
        this.projects = projects;
        this.transactions = new TransactionTemplate(transactionManager);
        this.refusals = new TransactionTemplate(transactionManager);
        this.refusals.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rooms = rooms;
        this.bookings = bookings;
        this.jobs = jobs;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** Books a room; refuses the past, the wrong kind of room, and conflicts (naming the conflicting booking). */
    public Booking book(BookingRequest request, AccountId account) {
        UUID by = AccountId.uuidOrNull(account);
        if (request.startsAt().isBefore(clock.instant())) {
            throw ProblemException.invalid("startsAt", "schedule.booking.in-past");
        }
        Room room = rooms.lockActive(request.roomId())
                .orElseThrow(() -> ProblemException.invalid("roomId", "schedule.booking.room-unknown", request.roomId()));
        if (!room.kind().hosts(request.purpose())) {
            throw ProblemException.rule("room-unsuitable", "roomId", "schedule.booking.room-unsuitable", room.name(),
                    request.purpose());
        }
        Booking booking = new Booking(UUID.randomUUID(), room.id(), room.name(), request.lotId(), request.projectId(),
                request.purpose(), request.title(), request.startsAt(), request.endsAt(), request.staffId(), by);
        refuseConflicts(booking, List.of());
        bookings.insert(booking, clock.instant());
        events.publishEvent(new BookingMade(booking.id(), room.id(), booking.lotId(), booking.purpose(),
                booking.startsAt(), booking.endsAt(), by));
        return booking;
    }

    public void cancel(BookingId booking, AccountId account) {
        UUID bookingId = booking.value();
        UUID by = AccountId.uuidOrNull(account);
        Booking found = bookings.find(bookingId).orElseThrow(() -> ProblemException.notFound("booking", bookingId));
        bookings.cancel(bookingId, clock.instant());
        events.publishEvent(new BookingCancelled(bookingId, found.roomId(), found.lotId(), by));
    }

    @Transactional(readOnly = true)
    public Booking get(BookingId booking) {
        UUID bookingId = booking.value();
        return bookings.find(bookingId).orElseThrow(() -> ProblemException.notFound("booking", bookingId));
    }

    @Transactional(readOnly = true)
    public List<Booking> ofLot(LotId lot) {
        return bookings.ofLot(lot.value());
    }

    /** Bookings overlapping the given days (in China Standard Time), optionally of one room. */
    @Transactional(readOnly = true)
    public List<Booking> between(LocalDate firstDay, int days, RoomId room) {
        UUID roomId = room == null ? null : room.value();
        Instant from = firstDay.atStartOfDay(ZONE).toInstant();
        Instant to = firstDay.plusDays(days).atStartOfDay(ZONE).toInstant();
        return bookings.between(from, to, roomId);
    }

    /** A room's live bookings from {@code since} on, for its calendar feed. */
    @Transactional(readOnly = true)
    public List<Booking> feed(RoomId room, Instant since) {
        UUID roomId = room.value();
        rooms.find(roomId).filter(Room::active).orElseThrow(() -> ProblemException.notFound("room", roomId));
        return bookings.between(since, since.plus(Duration.ofDays(3660)), roomId);
    }

    /**
     * The subject every per-lot job is filed under ({@code open-bids}, {@code close-submissions}): one key, so what
     * schedules a lot's job and what moves it find the same job.
     */
    public static String lotJobSubject(ProjectId project, LotId lot) {
        return project.value() + ":" + lot.value();
    }

    /**
     * Moves a lot's submission deadline and opening (an amendment), all or nothing in one transaction: the project's
     * deadline and opening under the statutory rules (see {@link ProjectManagement#moveDeadline}), the lot's
     * close-submissions and open-bids jobs, its opening bookings to the new opening (keeping their length) and its
     * evaluation bookings by the same amount; then everyone named on the bookings and every member who downloaded the
     * documents is told, and only then is the move logged. A refusal changes nothing and is logged as refused.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DeadlineMove moveDeadline(LotId lot, Instant newDeadline, Instant newOpening, boolean documentsChanged) {
        UUID lotId = lot == null ? null : lot.value();
        try {
            return transactions.execute(status -> moveInTransaction(lotId, newDeadline, newOpening, documentsChanged));
        } catch (ProblemException refused) {
            // in a transaction of its own that commits, so the refusal itself is logged
            Instant at = clock.instant();
            refusals.executeWithoutResult(status -> events.publishEvent(new DeadlineMoveRefused(lotId, newDeadline,
                    newOpening, refused.type(), at)));
            throw refused;
        }
    }

    private DeadlineMove moveInTransaction(UUID lotId, Instant newDeadline, Instant newOpening, boolean documentsChanged) {
        if (lotId == null) {
            throw ProblemException.invalid("lotId", "schedule.booking.lot-required");
        }
        if (newDeadline == null || !newDeadline.isAfter(clock.instant())) {
            throw ProblemException.invalid("newDeadline", "schedule.deadline.in-past");
        }
        if (newOpening == null || newOpening.isBefore(newDeadline)) {
            throw ProblemException.invalid("newOpening", "schedule.deadline.opening-before-deadline");
        }
        ProjectManagement.DeadlineChange change = projects.moveDeadline(LotId.of(lotId), newDeadline, newOpening, documentsChanged);
        UUID projectId = change.after().id();
        List<Booking> current = bookings.ofLot(lotId);
        Duration shift = current.stream().filter(b -> b.purpose() == BookingPurpose.OPENING).findFirst()
                .map(b -> Duration.between(b.startsAt(), newOpening)).orElse(Duration.ZERO);
        List<UUID> ids = current.stream().map(Booking::id).toList();
        List<Booking> moved = new ArrayList<>();
        for (Booking b : current) {
            Booking target = new Booking(b.id(), b.roomId(), b.roomName(), b.lotId(), b.projectId(), b.purpose(),
                    b.title(), b.startsAt().plus(shift), b.endsAt().plus(shift), b.staffId(), b.createdBy());
            if (shift.isZero()) {
                continue;
            }
            rooms.lockActive(b.roomId());
            refuseConflicts(target, ids);
            moved.add(target);
        }
        moved.forEach(b -> bookings.move(b.id(), b.startsAt(), b.endsAt()));
        List<String> movedJobs = new ArrayList<>();
        String subject = lotJobSubject(ProjectId.of(projectId), LotId.of(lotId));
        for (Map.Entry<String, Instant> job : Map.of(CLOSE_SUBMISSIONS, newDeadline, OPEN_BIDS, newOpening).entrySet()) {
            if (!jobs.kinds().contains(job.getKey())) {
                continue;
            }
            var pending = jobs.pending(job.getKey(), subject);
            if (pending.isPresent()) {
                if (!pending.get().dueAt().equals(job.getValue())) {
                    jobs.reschedule(job.getKey(), subject, job.getValue()); // the owning feature did not move it
                }
                movedJobs.add(job.getKey());
            }
        }
        movedJobs.sort(null);
        Set<UUID> recipients = new LinkedHashSet<>();
        for (Booking b : current) {
            if (b.staffId() != null) {
                recipients.add(b.staffId());
            }
            recipients.add(b.createdBy());
        }
        recipients.addAll(change.downloaders());
        List<UUID> notified = List.copyOf(recipients);
        if (!notified.isEmpty()) {
            notifications.notify(notified.stream().map(AccountId::new).toList(), "schedule.notice.deadline-moved",
                    change.after().transactionCode() + " " + change.after().name(), newDeadline.atZone(ZONE).toLocalDateTime(),
                    newOpening.atZone(ZONE).toLocalDateTime());
        }
        events.publishEvent(new DeadlineMoved(lotId, newDeadline, newOpening, moved.stream().map(Booking::id).toList(),
                movedJobs));
        return new DeadlineMove(lotId, newDeadline, newOpening, List.copyOf(moved), movedJobs, notified);
    }

    private void refuseConflicts(Booking booking, List<UUID> except) {
        List<Booking> clash = bookings.overlappingInRoom(booking.roomId(), booking.startsAt(), booking.endsAt(), except);
        if (!clash.isEmpty()) {
            Booking other = clash.get(0);
            throw conflict("room-booked", "roomId", "schedule.booking.room-conflict", other);
        }
        if (booking.staffId() != null && booking.purpose() == BookingPurpose.OPENING) {
            bookings.lockStaff(booking.staffId());
            List<Booking> busy = bookings.overlappingOpeningsOfStaff(booking.staffId(), booking.startsAt(),
                    booking.endsAt(), except);
            if (!busy.isEmpty()) {
                throw conflict("staff-busy", "staffId", "schedule.booking.staff-conflict", busy.get(0));
            }
        }
    }

    private static ProblemException conflict(String type, String field, String key, Booking other) {
        return new ProblemException(org.springframework.http.HttpStatus.CONFLICT, type, field, key,
                Map.of("conflictingBooking", Map.of("id", other.id().toString(), "title", other.title(),
                        "room", other.roomName(), "startsAt", other.startsAt().toString(), "endsAt",
                        other.endsAt().toString())),
                other.title(), other.roomName(), other.startsAt().atZone(ZONE).toLocalDateTime(),
                other.endsAt().atZone(ZONE).toLocalDateTime());
    }
}
