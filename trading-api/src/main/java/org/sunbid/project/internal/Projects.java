package org.sunbid.project.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.project.DocumentDownload;
import org.sunbid.project.IntakeFacts;
import org.sunbid.project.Objection;
import org.sunbid.project.Procedure;
import org.sunbid.project.ProjectStatus;
import org.sunbid.project.ProjectType;
import org.sunbid.project.ProjectView;
import org.sunbid.project.ReviewItem;
import org.sunbid.project.ReviewOpinion;

/** Projects, lots, review history, objections and downloads over hand-written SQL. */
@Repository
public class Projects {

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long nextTransactionNumber() {
        return jdbc.sql("select nextval('project_transaction_seq')").query(Long.class).single();
    }

    public List<String> unknownClassifications(List<String> codes) {
        List<String> known = jdbc.sql("select code from classification_code where code in (:c)").param("c", codes)
                .query(String.class).list();
        return codes.stream().filter(c -> !known.contains(c)).toList();
    }

    public record NewProject(UUID id, String transactionCode, String name, ProjectType type, Procedure procedure,
            BigDecimal estimatedValue, String fundingSource, String approvalReference, String regionCode,
            List<String> classificationCodes, UUID tendereeMemberId, String tendereeName, UUID agencyMemberId,
            String agencyName, UUID registeredBy, String evaluationMethod, Instant saleFrom, Instant saleUntil,
            Instant deadline, Instant opening, String openingPlace) {
    }

    public void insert(NewProject p, Instant now) {
        jdbc.sql("""
                insert into project (id, transaction_code, name, type, procedure, estimated_value, funding_source,
                  approval_reference, region_code, classification_codes, tenderee_member_id, tenderee_name,
                  agency_member_id, agency_name, registered_by, evaluation_method, documents_on_sale_from,
                  documents_on_sale_until, bid_deadline, opening_at, opening_place, status, created_at, updated_at)
                values (:id, :code, :name, :type, :procedure, :value, :funding, :approval, :region,
                  string_to_array(:classes, ','), :tenderee, :tendereeName, :agency, :agencyName, :by, :method,
                  :saleFrom, :saleUntil, :deadline, :opening, :place, 'DRAFT', :now, :now)
                """).param("id", p.id()).param("code", p.transactionCode()).param("name", p.name())
                .param("type", p.type().name()).param("procedure", p.procedure().name())
                .param("value", p.estimatedValue()).param("funding", p.fundingSource())
                .param("approval", p.approvalReference()).param("region", p.regionCode())
                .param("classes", String.join(",", p.classificationCodes())).param("tenderee", p.tendereeMemberId())
                .param("tendereeName", p.tendereeName()).param("agency", p.agencyMemberId())
                .param("agencyName", p.agencyName()).param("by", p.registeredBy()).param("method", p.evaluationMethod())
                .param("saleFrom", ts(p.saleFrom())).param("saleUntil", ts(p.saleUntil()))
                .param("deadline", ts(p.deadline())).param("opening", ts(p.opening())).param("place", p.openingPlace())
                .param("now", ts(now)).update();
    }

    /** Flags a project as a test project (demo, end-to-end test): its periods run through the time accelerator. */
    public void markTestProject(UUID projectId) {
        jdbc.sql("update project set test_project = true where id = :id").param("id", projectId).update();
    }

    public void insertLot(UUID projectId, UUID lotId, int number, String name, BigDecimal estimate, BigDecimal deposit,
            BigDecimal confidentialPrice) {
        jdbc.sql("""
                insert into project_lot (id, project_id, lot_no, name, estimate, deposit, confidential_reference_price)
                values (:id, :p, :n, :name, :estimate, :deposit, :price)
                """).param("id", lotId).param("p", projectId).param("n", number).param("name", name)
                .param("estimate", estimate).param("deposit", deposit).param("price", confidentialPrice).update();
    }

    /** The project a lot belongs to. */
    public Optional<UUID> projectOfLot(UUID lotId) {
        return jdbc.sql("select project_id from project_lot where id = :id").param("id", lotId).query(UUID.class).optional();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select count(*) from project where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public Optional<ProjectView> find(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(this::map).optional().map(this::withLots);
    }

    /** Locks the row for a state change. */
    public Optional<ProjectView> lock(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id for update of p").param("id", id).query(this::map).optional()
                .map(this::withLots);
    }

    public List<ProjectView> ofMember(UUID memberId) {
        return jdbc.sql(SELECT + " where p.tenderee_member_id = :m or p.agency_member_id = :m order by p.created_at desc")
                .param("m", memberId).query(this::map).list().stream().map(this::withLots).toList();
    }

    public List<ProjectView> withStatus(List<ProjectStatus> statuses) {
        return jdbc.sql(SELECT + " where p.status in (:s) order by p.updated_at desc limit 500")
                .param("s", statuses.stream().map(Enum::name).toList()).query(this::map).list().stream()
                .map(this::withLots).toList();
    }

    public void setStatus(UUID id, ProjectStatus status, String reason, Instant now) {
        jdbc.sql("update project set status = :s, return_reason = :r, updated_at = :now where id = :id")
                .param("s", status.name()).param("r", reason).param("now", ts(now)).param("id", id).update();
    }

    public void markPublished(UUID id, Instant now) {
        jdbc.sql("update project set status = 'PUBLISHED', published_at = :now, updated_at = :now where id = :id")
                .param("now", ts(now)).param("id", id).update();
    }

    public void moveDeadline(UUID id, Instant deadline, Instant opening, Instant now) {
        jdbc.sql("update project set bid_deadline = :d, opening_at = :o, updated_at = :now where id = :id")
                .param("d", ts(deadline)).param("o", ts(opening)).param("now", ts(now)).param("id", id).update();
    }

    // --- joint review -------------------------------------------------------------------------------------------

    public record Version(ReviewItem item, int version, String body, String fileSha256, String fileName, Long fileSize,
            String contentType, UUID createdBy, Instant createdAt) {
    }


    public int addVersion(UUID projectId, ReviewItem item, String body, String sha, String fileName, Long size,
            String contentType, UUID by, Instant now) {
        int next = latestVersion(projectId, item).map(v -> v.version() + 1).orElse(1);
        jdbc.sql("""
                insert into review_item_version (project_id, item, version, body, file_sha256, file_name, file_size,
                  content_type, created_by, created_at)
                values (:p, :item, :v, :body, :sha, :name, :size, :type, :by, :now)
                """).param("p", projectId).param("item", item.name()).param("v", next).param("body", body)
                .param("sha", sha).param("name", fileName).param("size", size).param("type", contentType)
                .param("by", by).param("now", ts(now)).update();
        return next;
    }

    public Optional<Version> latestVersion(UUID projectId, ReviewItem item) {
        return jdbc.sql("select * from review_item_version where project_id = :p and item = :i order by version desc limit 1")
                .param("p", projectId).param("i", item.name()).query(Projects::version).optional();
    }

    public List<Version> versions(UUID projectId) {
        return jdbc.sql("select * from review_item_version where project_id = :p order by item, version")
                .param("p", projectId).query(Projects::version).list();
    }

    public List<ReviewOpinion> opinions(UUID projectId) {
        return jdbc.sql("select * from review_opinion where project_id = :p order by item, version, decided_at")
                .param("p", projectId).query((rs, i) -> new ReviewOpinion(ReviewItem.valueOf(rs.getString("item")),
                        rs.getInt("version"), rs.getObject("reviewer_id", UUID.class), rs.getString("reviewer_role"),
                        "APPROVED".equals(rs.getString("decision")), rs.getString("comment"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /** False when this role already gave its opinion on this version. */
    public boolean addOpinion(UUID projectId, ReviewItem item, int version, UUID reviewer, String role, boolean approved,
            String comment, Instant now) {
        return jdbc.sql("""
                insert into review_opinion (project_id, item, version, reviewer_id, reviewer_role, decision, comment,
                  decided_at) values (:p, :i, :v, :r, :role, :d, :c, :now)
                on conflict (project_id, item, version, reviewer_role) do nothing
                """).param("p", projectId).param("i", item.name()).param("v", version).param("r", reviewer)
                .param("role", role).param("d", approved ? "APPROVED" : "RETURNED").param("c", comment)
                .param("now", ts(now)).update() == 1;
    }

    private static Version version(ResultSet rs, int i) throws SQLException {
        long size = rs.getLong("file_size");
        return new Version(ReviewItem.valueOf(rs.getString("item")), rs.getInt("version"), rs.getString("body"),
                rs.getString("file_sha256"), rs.getString("file_name"), rs.wasNull() ? null : size,
                rs.getString("content_type"), rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }

    // --- objections and downloads --------------------------------------------------------------------------------

    public void addObjection(Objection o) {
        jdbc.sql("""
                insert into project_objection (id, project_id, filed_by, text, filed_at, answer_due)
                values (:id, :p, :by, :text, :at, :due)
                """).param("id", o.id()).param("p", o.projectId()).param("by", o.filedBy()).param("text", o.text())
                .param("at", ts(o.filedAt())).param("due", ts(o.answerDue())).update();
    }

    public List<Objection> objections(UUID projectId) {
        return jdbc.sql("select * from project_objection where project_id = :p order by filed_at").param("p", projectId)
                .query(this::objectionRow).list();
    }

    public Optional<Objection> objection(UUID objectionId) {
        return jdbc.sql("select * from project_objection where id = :id").param("id", objectionId)
                .query(this::objectionRow).optional();
    }

    public List<Objection> objectionsFiledBy(UUID member) {
        return jdbc.sql("select * from project_objection where filed_by = :m order by filed_at desc limit 200")
                .param("m", member).query(this::objectionRow).list();
    }

    private Objection objectionRow(ResultSet rs, int row) throws SQLException {
        return new Objection(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("filed_by", UUID.class), rs.getString("text"), instant(rs, "filed_at"),
                instant(rs, "answer_due"), rs.getString("answer"), instant(rs, "answered_at"), false);
    }

    public void hold(UUID projectId, UUID holder, String reason, Instant now) {
        jdbc.sql("""
                insert into project_hold (project_id, holder_id, reason, since) values (:p, :h, :r, :now)
                on conflict (project_id, holder_id) do nothing""").param("p", projectId).param("h", holder)
                .param("r", reason).param("now", ts(now)).update();
    }

    public void release(UUID projectId, UUID holder) {
        jdbc.sql("delete from project_hold where project_id = :p and holder_id = :h").param("p", projectId)
                .param("h", holder).update();
    }

    public boolean answer(UUID projectId, UUID objectionId, String answer, Instant now) {
        return jdbc.sql("""
                update project_objection set answer = :a, answered_at = :now
                where id = :id and project_id = :p and answered_at is null
                """).param("a", answer).param("now", ts(now)).param("id", objectionId).param("p", projectId)
                .update() == 1;
    }

    public void recordDownload(UUID projectId, UUID memberId, Instant now) {
        jdbc.sql("insert into document_download (project_id, member_id, downloaded_at) values (:p, :m, :now)")
                .param("p", projectId).param("m", memberId).param("now", ts(now)).update();
    }

    public List<DocumentDownload> downloads(UUID projectId) {
        return jdbc.sql("""
                select member_id, min(downloaded_at) first_at, count(*) times from document_download
                where project_id = :p group by member_id order by first_at
                """).param("p", projectId).query((rs, i) -> new DocumentDownload(rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(), rs.getLong(3))).list();
    }

    /** Every project past the draft stage with its registration time and lots, oldest first (oversight figures). */
    public List<IntakeFacts> intakeFacts() {
        java.util.Map<UUID, List<ProjectView.LotView>> lots = new java.util.HashMap<>();
        jdbc.sql("select * from project_lot order by project_id, lot_no").query(rs -> {
            lots.computeIfAbsent(rs.getObject("project_id", UUID.class), k -> new java.util.ArrayList<>())
                    .add(new ProjectView.LotView(rs.getObject("id", UUID.class), rs.getInt("lot_no"), rs.getString("name"),
                            rs.getBigDecimal("estimate"), rs.getBigDecimal("deposit"),
                            rs.getBigDecimal("confidential_reference_price") != null));
        });
        return jdbc.sql("""
                select id, transaction_code, name, type, status, created_at, published_at from project
                where status <> 'DRAFT' order by created_at, id""")
                .query((rs, i) -> new IntakeFacts(rs.getObject("id", UUID.class),
                        rs.getString("transaction_code"), rs.getString("name"), ProjectType.valueOf(rs.getString("type")),
                        ProjectStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                        instant(rs, "published_at"), List.copyOf(lots.getOrDefault(rs.getObject("id", UUID.class), List.of()))))
                .list();
    }

    // --- mapping ---------------------------------------------------------------------------------------------------

    private static final String SELECT = """
            select p.*, (exists (select 1 from project_objection o where o.project_id = p.id and o.answered_at is null)
              or exists (select 1 from project_hold h where h.project_id = p.id)) as suspended
            from project p""";

    private ProjectView map(ResultSet rs, int row) throws SQLException {
        return new ProjectView(rs.getObject("id", UUID.class), rs.getString("transaction_code"), rs.getString("name"),
                ProjectType.valueOf(rs.getString("type")), Procedure.valueOf(rs.getString("procedure")),
                rs.getBigDecimal("estimated_value"), rs.getString("funding_source"), rs.getString("approval_reference"),
                rs.getString("region_code"), Arrays.asList((String[]) rs.getArray("classification_codes").getArray()),
                rs.getObject("tenderee_member_id", UUID.class), rs.getString("tenderee_name"),
                rs.getObject("agency_member_id", UUID.class), rs.getString("agency_name"),
                rs.getString("evaluation_method"), instant(rs, "documents_on_sale_from"),
                instant(rs, "documents_on_sale_until"), instant(rs, "bid_deadline"), instant(rs, "opening_at"),
                rs.getString("opening_place"), ProjectStatus.valueOf(rs.getString("status")),
                rs.getString("return_reason"), instant(rs, "published_at"), rs.getBoolean("suspended"), List.of(),
                rs.getBoolean("test_project"));
    }

    private ProjectView withLots(ProjectView p) {
        List<ProjectView.LotView> lots = jdbc.sql("select * from project_lot where project_id = :p order by lot_no")
                .param("p", p.id()).query((rs, i) -> new ProjectView.LotView(rs.getObject("id", UUID.class),
                        rs.getInt("lot_no"), rs.getString("name"), rs.getBigDecimal("estimate"),
                        rs.getBigDecimal("deposit"), rs.getBigDecimal("confidential_reference_price") != null))
                .list();
        return new ProjectView(p.id(), p.transactionCode(), p.name(), p.type(), p.procedure(), p.estimatedValue(),
                p.fundingSource(), p.approvalReference(), p.regionCode(), p.classificationCodes(), p.tendereeMemberId(),
                p.tendereeName(), p.agencyMemberId(), p.agencyName(), p.evaluationMethod(), p.documentsOnSaleFrom(),
                p.documentsOnSaleUntil(), p.bidDeadline(), p.openingAt(), p.openingPlace(), p.status(),
                p.returnReason(), p.publishedAt(), p.suspended(), lots, p.testProject());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
