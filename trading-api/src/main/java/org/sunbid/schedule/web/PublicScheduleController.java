package org.sunbid.schedule.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.platform.ProblemException;
import org.sunbid.schedule.Room;
import org.sunbid.schedule.RoomId;
import org.sunbid.schedule.RoomManagement;
import org.sunbid.schedule.ScheduleManagement;
import org.sunbid.schedule.WorkingCalendar;
import org.sunbid.schedule.internal.ICalendar;

/**
 * Public: each room's iCalendar feed (bookings' titles and times are public, like the opening notices they follow;
 * staff names are not in the feed) and the working-day calendar.
 */
@RestController
@RequestMapping("/api/public/schedule")
@Tag(name = "schedule-public", description = "公开日程 Public schedule")
class PublicScheduleController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final RoomManagement rooms;
    private final ScheduleManagement schedule;
    private final WorkingCalendar calendar;
    private final Clock clock;

    PublicScheduleController(RoomManagement rooms, ScheduleManagement schedule, WorkingCalendar calendar, Clock clock) {
        this.rooms = rooms;
        this.schedule = schedule;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping(value = "/rooms/{id}/calendar.ics")
    @Operation(summary = "场地日历（iCalendar） A room's bookings as an iCalendar feed, from 30 days ago on")
    ResponseEntity<String> feed(@PathVariable UUID id) {
        Room room = rooms.get(RoomId.of(id));
        String body = ICalendar.feed(room, schedule.feed(RoomId.of(id), clock.instant().minus(Duration.ofDays(30))),
                clock.instant());
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(body);
    }

    record WorkingDays(LocalDate from, int workingDays, LocalDate date, boolean provisional) {
    }

    @GetMapping("/calendar/add-working-days")
    @Operation(summary = "按工作日推算日期 The date n working days after a date (holidays and 调休 counted)")
    WorkingDays addWorkingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam int n) {
        if (Math.abs(n) > 366) {
            throw ProblemException.invalid("n", "schedule.calendar.too-many-days");
        }
        LocalDate date = calendar.addWorkingDays(from, n);
        return new WorkingDays(from, n, date,
                calendar.provisional(from.getYear()) || calendar.provisional(date.getYear()));
    }

    @GetMapping("/calendar/{year}")
    @Operation(summary = "节假日与调休 Holidays and adjusted working days of a year")
    List<WorkingCalendar.Day> year(@PathVariable int year) {
        if (!calendar.covers(year)) {
            throw ProblemException.notFound("calendar year", year);
        }
        return calendar.listed(year);
    }
}
