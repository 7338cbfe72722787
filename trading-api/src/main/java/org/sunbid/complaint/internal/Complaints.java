package org.sunbid.complaint.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.complaint.Complaint;
import org.sunbid.complaint.ComplaintDeadlines;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/** The complaints with their pauses, the complainants' signatures, and the jobs held while a procedure is suspended. */
@Repository
public class Complaints {

    private final JdbcClient jdbc;

    Complaints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A scheduled job taken off the scheduler while the procedure is suspended. */
    public record HeldJob(String kind, String subject, Instant dueAt) {
    }

    public void insert(Complaint c, byte[] signature) {
        Complaint.Filing f = c.filing();
        jdbc.sql("""
                insert into complaint (id, project_id, objection_id, complainant, text, signature, signature_sha256,
                    known_on, filed_at, filed_on, state)
                values (:id, :p, :o, :m, :text, :sig, :sha, :known, :at, :on, :state)""")
                .param("id", c.id().value()).param("p", f.project().value()).param("o", f.objection())
                .param("m", f.complainant().value()).param("text", f.text()).param("sig", signature)
                .param("sha", f.signatureSha256()).param("known", Date.valueOf(f.knownOn()))
                .param("at", Timestamp.from(f.filedAt())).param("on", Date.valueOf(f.filedOn()))
                .param("state", c.state().name()).update();
    }

    /** Saves what handling changes: state, suspension, outcome, reminder and overdue marks, and the pauses. */
    public void save(Complaint c) {
        Complaint.Snapshot s = c.snapshot();
        jdbc.sql("""
                update complaint set state = :state, accepted_on = :accepted, suspended = :suspended, verdict = :verdict,
                    outcome = :outcome, closed_on = :closed, decision_document = :doc, reminded_for = :reminded,
                    overdue_since = :overdue
                where id = :id""").param("state", s.state().name()).param("accepted", date(s.acceptedOn()))
                .param("suspended", s.suspended()).param("verdict", s.verdict() == null ? null : s.verdict().name())
                .param("outcome", s.outcome()).param("closed", date(s.closedOn())).param("doc", s.decisionDocument())
                .param("reminded", date(s.remindedFor())).param("overdue", date(s.overdueSince())).param("id", s.id())
                .update();
        jdbc.sql("delete from complaint_pause where complaint_id = :id").param("id", s.id()).update();
        int seq = 0;
        for (ComplaintDeadlines.Pause p : s.pauses()) {
            jdbc.sql("""
                    insert into complaint_pause (complaint_id, seq, from_day, to_day, reason)
                    values (:id, :seq, :from, :to, :reason)""").param("id", s.id()).param("seq", seq++)
                    .param("from", date(p.from())).param("to", date(p.to())).param("reason", p.reason()).update();
        }
    }

    public Optional<Complaint> find(UUID id) {
        return jdbc.sql("select * from complaint where id = :id").param("id", id).query(this::complaint).optional();
    }

    /** Locks the complaint's row for one act of handling. */
    public Optional<Complaint> lock(UUID id) {
        return jdbc.sql("select * from complaint where id = :id for update").param("id", id).query(this::complaint)
                .optional();
    }

    public boolean exists(UUID objection, MemberId complainant) {
        return jdbc.sql("select count(*) from complaint where objection_id = :o and complainant = :m")
                .param("o", objection).param("m", complainant.value()).query(Long.class).single() > 0;
    }

    /** All complaints, newest first (the regulator's queue). */
    public List<Complaint> all(int limit) {
        return jdbc.sql("select * from complaint order by filed_at desc limit :n").param("n", limit)
                .query(this::complaint).list();
    }

    /** The complaints a member may follow: its own, and those about projects it owns. */
    public List<Complaint> visibleTo(MemberId member, List<UUID> ownProjects) {
        return jdbc.sql("""
                select * from complaint where complainant = :m or project_id = any(:projects) order by filed_at desc""")
                .param("m", member.value()).param("projects", ownProjects.toArray(UUID[]::new))
                .query(this::complaint).list();
    }

    public List<UUID> open() {
        return jdbc.sql("select id from complaint where state in ('FILED', 'ACCEPTED')").query(UUID.class).list();
    }

    public byte[] signature(UUID id) {
        return jdbc.sql("select signature from complaint where id = :id").param("id", id).query(byte[].class).single();
    }

    public void hold(UUID complaint, HeldJob job) {
        jdbc.sql("""
                insert into complaint_held_job (complaint_id, kind, subject, due_at) values (:c, :k, :s, :at)
                on conflict do nothing""").param("c", complaint).param("k", job.kind()).param("s", job.subject())
                .param("at", Timestamp.from(job.dueAt())).update();
    }

    /** Removes and returns the jobs held for a complaint. */
    public List<HeldJob> releaseHeld(UUID complaint) {
        List<HeldJob> held = jdbc.sql("select * from complaint_held_job where complaint_id = :c order by due_at")
                .param("c", complaint).query((rs, i) -> new HeldJob(rs.getString("kind"), rs.getString("subject"),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
        jdbc.sql("delete from complaint_held_job where complaint_id = :c").param("c", complaint).update();
        return held;
    }

    private Complaint complaint(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<ComplaintDeadlines.Pause> pauses = jdbc.sql("""
                select * from complaint_pause where complaint_id = :id order by seq""").param("id", id)
                .query((p, i) -> new ComplaintDeadlines.Pause(day(p, "from_day"), day(p, "to_day"), p.getString("reason")))
                .list();
        String verdict = rs.getString("verdict");
        Complaint.Filing filing = new Complaint.Filing(ProjectId.of(rs.getObject("project_id", UUID.class)),
                rs.getObject("objection_id", UUID.class), MemberId.of(rs.getObject("complainant", UUID.class)),
                rs.getString("text"), rs.getString("signature_sha256"), day(rs, "known_on"),
                rs.getTimestamp("filed_at").toInstant(), day(rs, "filed_on"));
        return Complaint.restore(new Complaint.Snapshot(id, filing, Complaint.State.valueOf(rs.getString("state")),
                day(rs, "accepted_on"), rs.getBoolean("suspended"), pauses,
                verdict == null ? null : Complaint.Verdict.valueOf(verdict), rs.getString("outcome"),
                day(rs, "closed_on"), rs.getObject("decision_document", UUID.class), day(rs, "reminded_for"),
                day(rs, "overdue_since")));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
