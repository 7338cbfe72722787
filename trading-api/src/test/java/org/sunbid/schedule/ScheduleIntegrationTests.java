package org.sunbid.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.sunbid.platform.id.LotId;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

@PlatformTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class ScheduleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScheduleManagement schedule;
    @Autowired
    JobScheduler jobs;
    @Autowired
    ApplicationEvents events;

    String staff;
    Instant base;

    @BeforeEach
    void setUp() throws Exception {
        staff = ScheduleFixtures.platformUser(mvc, "STAFF");
        // a Monday-morning-like time well in the future, on the hour
        base = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void staffKeepRoomsAndRegulatorsMayOnlyReadThem() throws Exception {
        UUID room = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("第一开标厅"), "OPENING_HALL");
        String regulator = ScheduleFixtures.platformUser(mvc, "REGULATOR");

        mvc.perform(get("/api/schedule/rooms/{id}", room).header(HttpHeaders.AUTHORIZATION, Api.bearer(regulator)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("OPENING_HALL"))
                .andExpect(jsonPath("$.equipment[0]").value("投影仪"));
        mvc.perform(post("/api/schedule/rooms").header(HttpHeaders.AUTHORIZATION, Api.bearer(regulator))
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.json(Map.of("name", "监管新建", "kind", "VIRTUAL", "capacity", 0))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/schedule/rooms")).andExpect(status().isUnauthorized());

        mvc.perform(put(room, Map.of("name", "改名后的开标厅 " + room, "kind", "OPENING_HALL", "capacity", 80)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.capacity").value(80));
        mvc.perform(delete("/api/schedule/rooms/{id}", room).header(HttpHeaders.AUTHORIZATION, Api.bearer(staff)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/schedule/rooms/{id}", room).header(HttpHeaders.AUTHORIZATION, Api.bearer(staff)))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesRoomsWithoutNameOrWithNegativeCapacityNamingTheField() throws Exception {
        createRoom(Map.of("name", " ", "kind", "OPENING_HALL", "capacity", 10)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name"));
        createRoom(Map.of("name", "负数厅", "kind", "OPENING_HALL", "capacity", -1)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("capacity"));
        createRoom(Map.of("name", "怪厅", "kind", "BALLROOM", "capacity", 1)).andExpect(status().isBadRequest());
        String name = ScheduleFixtures.unique("同名厅");
        ScheduleFixtures.room(mvc, staff, name, "OPENING_HALL");
        createRoom(Map.of("name", name, "kind", "OPENING_HALL", "capacity", 1)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/duplicate-room"));
    }

    @Test
    void refusesAnOverlappingBookingOfTheSameRoomNamingTheBookingItCollidesWith() throws Exception {
        UUID room = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("冲突开标厅"), "OPENING_HALL");
        JsonNode first = Api.body(book(room, UUID.randomUUID(), "OPENING", "某医院设备采购项目开标", base,
                base.plus(Duration.ofHours(2)), null).andExpect(status().isCreated()).andReturn());

        book(room, UUID.randomUUID(), "OPENING", "另一项目开标", base.plus(Duration.ofHours(1)),
                base.plus(Duration.ofHours(3)), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/room-booked"))
                .andExpect(jsonPath("$.field").value("roomId"))
                .andExpect(jsonPath("$.conflictingBooking.id").value(first.get("id").asText()))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("某医院设备采购项目开标")));
        // back to back is fine
        book(room, UUID.randomUUID(), "OPENING", "紧接着的开标", base.plus(Duration.ofHours(2)),
                base.plus(Duration.ofHours(3)), null).andExpect(status().isCreated());
    }

    @Test
    void refusesTheSameStaffMemberInTwoOpeningsAtOnceEvenInDifferentRooms() throws Exception {
        UUID hallA = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("A厅"), "OPENING_HALL");
        UUID hallB = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("B厅"), "VIRTUAL");
        UUID host = UUID.randomUUID();
        book(hallA, UUID.randomUUID(), "OPENING", "甲项目开标", base, base.plus(Duration.ofHours(1)), host)
                .andExpect(status().isCreated());
        book(hallB, UUID.randomUUID(), "OPENING", "乙项目不见面开标", base.plus(Duration.ofMinutes(30)),
                base.plus(Duration.ofHours(2)), host)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/staff-busy"))
                .andExpect(jsonPath("$.conflictingBooking.title").value("甲项目开标"));
        book(hallB, UUID.randomUUID(), "OPENING", "乙项目不见面开标", base.plus(Duration.ofMinutes(30)),
                base.plus(Duration.ofHours(2)), UUID.randomUUID()).andExpect(status().isCreated());
    }

    @Test
    void refusesBookingsInThePastBackwardsOrForMissingOrUnsuitableRoomsAndStoresNothing() throws Exception {
        UUID hall = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("校验厅"), "OPENING_HALL");
        UUID lot = UUID.randomUUID();
        Instant past = Instant.now().minus(Duration.ofHours(1));
        book(hall, lot, "OPENING", "过去", past, past.plus(Duration.ofHours(2)), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("startsAt"));
        book(hall, lot, "OPENING", "倒置", base, base.minus(Duration.ofHours(1)), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("endsAt"));
        book(UUID.randomUUID(), lot, "OPENING", "无此厅", base, base.plus(Duration.ofHours(1)), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("roomId"));
        book(hall, lot, "EVALUATION", "评标不在开标厅", base, base.plus(Duration.ofHours(1)), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://sunbid.org/problems/room-unsuitable"));
        assertThat(schedule.ofLot(LotId.of(lot))).isEmpty();
    }

    @Test
    void dayAndWeekViewsListBookingsByChinaStandardTimeDays() throws Exception {
        UUID hall = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("视图厅"), "OPENING_HALL");
        LocalDate day = LocalDate.now(ScheduleManagement.ZONE).plusDays(30);
        // 23:30 on `day` in Beijing is 15:30 UTC: it belongs to `day`, not the next one
        Instant lateEvening = day.atTime(23, 0).atZone(ScheduleManagement.ZONE).toInstant();
        book(hall, UUID.randomUUID(), "OPENING", "深夜开标", lateEvening, lateEvening.plus(Duration.ofMinutes(30)), null)
                .andExpect(status().isCreated());

        mvc.perform(get("/api/schedule/day").param("date", day.toString()).param("roomId", hall.toString())
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(staff))).andExpect(status().isOk())
                .andExpect(jsonPath("$.bookings.length()").value(1))
                .andExpect(jsonPath("$.bookings[0].title").value("深夜开标"));
        mvc.perform(get("/api/schedule/day").param("date", day.plusDays(1).toString()).param("roomId", hall.toString())
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(staff))).andExpect(status().isOk())
                .andExpect(jsonPath("$.bookings.length()").value(0));
        MvcResult week = mvc.perform(get("/api/schedule/week").param("date", day.toString())
                .param("roomId", hall.toString()).header(HttpHeaders.AUTHORIZATION, Api.bearer(staff)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.bookings.length()").value(1)).andReturn();
        LocalDate monday = LocalDate.parse(Api.body(week).get("from").asText());
        assertThat(monday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(day).isBetween(monday, monday.plusDays(6));
        mvc.perform(get("/api/schedule/day").param("date", "not-a-date").header(HttpHeaders.AUTHORIZATION,
                Api.bearer(staff))).andExpect(status().isBadRequest());
    }

    @Test
    void publishesEachRoomsBookingsAsAnICalendarFeedWithoutLogin() throws Exception {
        String name = ScheduleFixtures.unique("日历厅");
        UUID hall = ScheduleFixtures.room(mvc, staff, name, "OPENING_HALL");
        String title = "某市第一人民医院医疗设备采购项目（第二包; 含安装, 调试）开标会议，请各投标人准时参加不见面开标";
        JsonNode booking = Api.body(book(hall, UUID.randomUUID(), "OPENING", title, base,
                base.plus(Duration.ofMinutes(90)), UUID.randomUUID()).andExpect(status().isCreated()).andReturn());

        MvcResult feed = mvc.perform(get("/api/public/schedule/rooms/{id}/calendar.ics", hall))
                .andExpect(status().isOk()).andReturn();
        assertThat(feed.getResponse().getContentType()).startsWith("text/calendar");
        byte[] bytes = feed.getResponse().getContentAsByteArray();
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        java.time.format.DateTimeFormatter utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC);
        assertThat(unfolded).contains("UID:" + booking.get("id").asText() + "@sunbid.org\r\n")
                .contains("DTSTART:" + utc.format(base) + "\r\n")
                .contains("DTEND:" + utc.format(base.plus(Duration.ofMinutes(90))) + "\r\n")
                .contains("SUMMARY:" + title.replace(";", "\\;").replace(",", "\\,") + "\r\n")
                .contains("CATEGORIES:OPENING").doesNotContain(booking.get("staffId").asText());
        mvc.perform(get("/api/public/schedule/rooms/{id}/calendar.ics", UUID.randomUUID()))
                .andExpect(status().isNotFound());
    }

    private ResultActions createRoom(Map<String, Object> body) throws Exception {
        return mvc.perform(post("/api/schedule/rooms").header(HttpHeaders.AUTHORIZATION, Api.bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content(Api.json(body)));
    }

    private org.springframework.test.web.servlet.RequestBuilder put(UUID room, Map<String, Object> body) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/schedule/rooms/{id}", room)
                .header(HttpHeaders.AUTHORIZATION, Api.bearer(staff)).contentType(MediaType.APPLICATION_JSON)
                .content(Api.json(body));
    }

    private ResultActions book(UUID room, UUID lot, String purpose, String title, Instant start, Instant end,
            UUID host) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("roomId", room.toString());
        body.put("lotId", lot.toString());
        body.put("purpose", purpose);
        body.put("title", title);
        body.put("startsAt", start.toString());
        body.put("endsAt", end.toString());
        if (host != null) {
            body.put("staffId", host.toString());
        }
        return mvc.perform(post("/api/schedule/bookings").header(HttpHeaders.AUTHORIZATION, Api.bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content(Api.json(body)));
    }

}
