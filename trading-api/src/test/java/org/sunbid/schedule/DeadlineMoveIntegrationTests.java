package org.sunbid.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectSetup;
import org.sunbid.project.ProjectView;
import org.sunbid.scheduler.FiringRecord;
import org.sunbid.scheduler.FiringStatus;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.support.Api;
import org.sunbid.support.MutableClock;
import org.sunbid.support.PlatformTest;
import tools.jackson.databind.JsonNode;

/** Moving a lot's deadline moves the project's deadline and opening, the lot's jobs and bookings, or nothing at all. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class DeadlineMoveIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScheduleManagement schedule;
    @Autowired
    JobScheduler jobs;
    @Autowired
    AccountManagement accounts;
    @Autowired
    OpeningKeys openingKeys;
    @Autowired
    ProjectSetup projects;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    String staff;

    @BeforeEach
    void setUp() throws Exception {
        staff = ScheduleFixtures.platformUser(mvc, "STAFF");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMovedDeadlineMovesTheLotAndItsBookingsTellsDownloadersAndTheOpenBidsJobFiresAtTheNewTime(CapturedOutput output)
            throws Exception {
        // a test project (20 statutory days last 20 minutes) whose documents went on sale 25 accelerated days ago
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deadline = now.plus(Duration.ofDays(2));
        Instant opening = deadline.plus(Duration.ofMinutes(30));
        PublishedLots.Lot lot = PublishedLots.publish(accounts, openingKeys, projects, true,
                now.minus(Duration.ofMinutes(25)), deadline, opening);
        String subject = ScheduleManagement.lotJobSubject(ProjectId.of(lot.project()), LotId.of(lot.lot()));
        assertThat(jobs.pending("open-bids", subject).orElseThrow().dueAt()).isEqualTo(opening);
        assertThat(jobs.pending("close-submissions", subject).orElseThrow().dueAt()).isEqualTo(deadline);
        UUID hall = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("变更开标厅"), "OPENING_HALL");
        UUID host = UUID.randomUUID();
        assertThat(book(hall, lot.lot(), "OPENING", "变更前开标", opening, opening.plus(Duration.ofHours(1)), host)
                .getResponse().getStatus()).isEqualTo(201);
        UUID downloader = UUID.randomUUID();
        projects.downloadTenderDocuments(new CurrentUser(UUID.randomUUID(), "dl", Role.BIDDER, Optional.of(downloader)),
                lot.project());
        org.springframework.boot.logging.LoggingSystem.get(getClass().getClassLoader()).setLogLevel(
                "org.sunbid.schedule.internal.LogNotificationAdapter", org.springframework.boot.logging.LogLevel.INFO);

        Instant newDeadline = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        Instant newOpening = newDeadline.plusSeconds(1);
        MvcResult moved = move(lot.lot(), newDeadline, newOpening, false);
        assertThat(moved.getResponse().getStatus()).as(moved.getResponse().getContentAsString()).isEqualTo(200);
        JsonNode move = Api.body(moved);
        assertThat(move.get("jobs")).extracting(JsonNode::asText).containsExactly("close-submissions", "open-bids");
        assertThat(move.get("notified")).extracting(JsonNode::asText).contains(downloader.toString(), host.toString());
        ProjectView after = projects.find(lot.staff(), lot.project());
        assertThat(after.bidDeadline()).isEqualTo(newDeadline);
        assertThat(after.openingAt()).isEqualTo(newOpening);
        assertThat(schedule.ofLot(LotId.of(lot.lot()))).singleElement().satisfies(b -> {
            assertThat(b.startsAt()).isEqualTo(newOpening);
            assertThat(b.endsAt()).isEqualTo(newOpening.plus(Duration.ofHours(1)));
        });
        assertThat(jobs.pending("open-bids", subject).orElseThrow().dueAt()).isEqualTo(newOpening);
        assertThat(output.getOut()).contains("NOTIFY").contains(downloader.toString());

        // the open-bids job fires at the new opening and starts the session (too few bids: the lot fails)
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc
                .sql("select count(*) from opening_session where lot_id = ?").param(lot.lot()).query(Integer.class)
                .single() > 0);
        FiringRecord fired = await().atMost(Duration.ofSeconds(10)).until(() -> jobs.firings(Set.of(FiringStatus.FIRED),
                200).stream().filter(f -> f.kind().equals("open-bids") && f.subject().equals(subject)).findFirst()
                .orElse(null), java.util.Objects::nonNull);
        assertThat(fired.dueAt()).isEqualTo(newOpening);
        assertThat(fired.firedAt()).isAfterOrEqualTo(newOpening);
        assertThat(jdbc.sql("select started_at from opening_session where lot_id = ?").param(lot.lot())
                .query(java.sql.Timestamp.class).single().toInstant()).isAfterOrEqualTo(newOpening);
        awaitLogged("schedule.deadline-moved", lot.lot());
    }

    @Test
    void refusesMovesTheStatuteForbidsNamingTheRuleLogsTheRefusalAndChangesNothing() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant deadline = now.plus(Duration.ofDays(25));
        Instant opening = deadline.plus(Duration.ofMinutes(30));
        PublishedLots.Lot real = PublishedLots.publish(accounts, openingKeys, projects, false, now.plusSeconds(60),
                deadline, opening);
        String subject = ScheduleManagement.lotJobSubject(ProjectId.of(real.project()), LotId.of(real.lot()));

        // a 20-day project "moved" to 20 minutes
        JsonNode tooShort = refused(move(real.lot(), now.plus(Duration.ofMinutes(20)), now.plus(Duration.ofMinutes(50)),
                false), 422);
        assertThat(tooShort.get("type").asText()).endsWith("/bid-period-minimum");
        assertThat(tooShort.get("detail").asText()).contains("第二十四条");
        assertThat(refused(move(real.lot(), deadline.plus(Duration.ofDays(2)), deadline.plus(Duration.ofDays(1)), false),
                400).get("field").asText()).isEqualTo("newOpening");
        assertThat(refused(move(UUID.randomUUID(), deadline.plus(Duration.ofDays(1)), deadline.plus(Duration.ofDays(1)),
                false), 404)).isNotNull();
        // a collision with another booking of the hall moves nothing either
        UUID hall = ScheduleFixtures.room(mvc, staff, ScheduleFixtures.unique("碰撞厅"), "OPENING_HALL");
        assertThat(book(hall, real.lot(), "OPENING", "要迁移的开标", opening, opening.plus(Duration.ofHours(1)), null)
                .getResponse().getStatus()).isEqualTo(201);
        Instant taken = opening.plus(Duration.ofDays(3));
        assertThat(book(hall, UUID.randomUUID(), "OPENING", "已占用的开标", taken, taken.plus(Duration.ofHours(1)), null)
                .getResponse().getStatus()).isEqualTo(201);
        JsonNode clash = refused(move(real.lot(), taken.minus(Duration.ofHours(1)), taken, false), 409);
        assertThat(clash.get("conflictingBooking").get("title").asText()).isEqualTo("已占用的开标");

        ProjectView unchanged = projects.find(real.staff(), real.project());
        assertThat(unchanged.bidDeadline()).isEqualTo(deadline);
        assertThat(unchanged.openingAt()).isEqualTo(opening);
        assertThat(jobs.pending("open-bids", subject).orElseThrow().dueAt()).isEqualTo(opening);
        assertThat(jobs.pending("close-submissions", subject).orElseThrow().dueAt()).isEqualTo(deadline);
        assertThat(schedule.ofLot(LotId.of(real.lot()))).singleElement().extracting(Booking::startsAt).isEqualTo(opening);
        awaitLogged("schedule.deadline-move-refused", real.lot());

        // a change of documents needs 15 (here accelerated) days before the new deadline
        PublishedLots.Lot test = PublishedLots.publish(accounts, openingKeys, projects, true,
                now.minus(Duration.ofMinutes(25)), now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        Instant soon = Instant.now().plus(Duration.ofMinutes(10));
        JsonNode changed = refused(move(test.lot(), soon, soon, true), 422);
        assertThat(changed.get("type").asText()).endsWith("/clarification-period-minimum");
        assertThat(changed.get("detail").asText()).contains("第二十一条");
        assertThat(move(test.lot(), soon, soon, false).getResponse().getStatus()).isEqualTo(200);

        // once the deadline has passed it stays where it was
        clock.advance(Duration.ofDays(26));
        JsonNode late = refused(move(real.lot(), deadline.plus(Duration.ofDays(30)), deadline.plus(Duration.ofDays(30)),
                false), 422);
        assertThat(late.get("type").asText()).endsWith("/deadline-passed");
    }

    private JsonNode refused(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return Api.body(result);
    }

    private void awaitLogged(String action, UUID subject) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("select count(*) from supervision_entry where action = ? and subject = ?")
                .params(action, subject.toString()).query(Integer.class).single() > 0);
    }

    private MvcResult move(UUID lot, Instant deadline, Instant opening, boolean documentsChanged) throws Exception {
        return mvc.perform(post("/api/schedule/lots/{lot}/deadline", lot).header(HttpHeaders.AUTHORIZATION,
                Api.bearer(staff)).contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("newDeadline",
                        deadline.toString(), "newOpening", opening.toString(), "documentsChanged", documentsChanged))))
                .andReturn();
    }

    private MvcResult book(UUID room, UUID lot, String purpose, String title, Instant start, Instant end, UUID host)
            throws Exception {
        return ScheduleFixtures.book(mvc, staff, room, lot, purpose, title, start, end, host);
    }
}
