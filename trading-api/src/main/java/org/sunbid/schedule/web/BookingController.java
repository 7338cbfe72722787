package org.sunbid.schedule.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.id.LotId;
import org.sunbid.schedule.Booking;
import org.sunbid.schedule.BookingId;
import org.sunbid.schedule.BookingPurpose;
import org.sunbid.schedule.BookingRequest;
import org.sunbid.schedule.DeadlineMove;
import org.sunbid.schedule.RoomId;
import org.sunbid.schedule.ScheduleManagement;

/** Bookings of rooms for lots, day and week views, and moving a lot's deadline. */
@RestController
@RequestMapping("/api/schedule")
@Tag(name = "schedule", description = "统一时间安排 Scheduling")
class BookingController {

    private final ScheduleManagement schedule;

    BookingController(ScheduleManagement schedule) {
        this.schedule = schedule;
    }

    record BookingBody(UUID roomId, UUID lotId, UUID projectId, BookingPurpose purpose, String title, Instant startsAt,
            Instant endsAt, UUID staffId) {
    }

    /** {@code documentsChanged}: the move accompanies a change of the tender documents that may affect bids. */
    record DeadlineBody(Instant newDeadline, Instant newOpening, boolean documentsChanged) {
    }

    /** A view of some days: the first and last day (China Standard Time) and the bookings that touch them. */
    record View(LocalDate from, LocalDate to, List<Booking> bookings) {
    }

    @PostMapping("/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "预约场地 Book a room for a lot's opening or evaluation")
    Booking book(CurrentUser user, @RequestBody BookingBody body) {
        return schedule.book(new BookingRequest(body.roomId(), body.lotId(), body.projectId(), body.purpose(),
                body.title(), body.startsAt(), body.endsAt(), body.staffId()), user.account());
    }

    @GetMapping("/bookings/{id}")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "预约详情 One booking")
    Booking get(@PathVariable UUID id) {
        return schedule.get(BookingId.of(id));
    }

    @DeleteMapping("/bookings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "取消预约 Release a booking")
    void cancel(CurrentUser user, @PathVariable UUID id) {
        schedule.cancel(BookingId.of(id), user.account());
    }

    @GetMapping("/bookings")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "标段的预约 Bookings of a lot")
    List<Booking> ofLot(@RequestParam UUID lotId) {
        return schedule.ofLot(LotId.of(lotId));
    }

    @GetMapping("/day")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "日视图 Day view (China Standard Time)")
    View day(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID roomId) {
        return new View(date, date, schedule.between(date, 1, roomId == null ? null : RoomId.of(roomId)));
    }

    @GetMapping("/week")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "周视图（周一至周日） Week view, Monday to Sunday, of the week containing the date")
    View week(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID roomId) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new View(monday, monday.plusDays(6), schedule.between(monday, 7, roomId == null ? null : RoomId.of(roomId)));
    }

    @PostMapping("/lots/{lotId}/deadline")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN')")
    @Operation(summary = "变更截止与开标时间 Move a lot's deadline and opening, with its bookings and jobs")
    DeadlineMove moveDeadline(@PathVariable UUID lotId, @RequestBody DeadlineBody body) {
        return schedule.moveDeadline(LotId.of(lotId), body.newDeadline(), body.newOpening(), body.documentsChanged());
    }
}
