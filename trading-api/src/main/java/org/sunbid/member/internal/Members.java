package org.sunbid.member.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.Role;
import org.sunbid.member.CompanyProfile;
import org.sunbid.member.ExpertProfile;
import org.sunbid.member.ExpertTitle;
import org.sunbid.member.Member;
import org.sunbid.member.MemberStatus;
import org.sunbid.member.MemberViews;
import org.sunbid.member.RegionCode;
import org.sunbid.member.ResidentIdNumber;
import org.sunbid.member.UnifiedSocialCreditCode;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Members and their qualifications, in hand-written SQL. */
@Repository
public class Members {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Member> find(UUID id) {
        return jdbc.sql("select * from member where id = ?").param(id).query(Members::map).optional();
    }

    /** Locks the row for the rest of the transaction, so concurrent review acts serialise. */
    public Optional<Member> findForUpdate(UUID id) {
        return jdbc.sql("select * from member where id = ? for update").param(id).query(Members::map).optional();
    }

    /** The member, or 404 (type not-found) naming it. */
    public Member require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("member", id));
    }

    /** The member locked for the rest of the transaction, or 404 (type not-found) naming it. */
    public Member requireForUpdate(UUID id) {
        return findForUpdate(id).orElseThrow(() -> ProblemException.notFound("member", id));
    }

    /** Refuses (409, type duplicate-uscc) a code another member than {@code self} (null: anyone) holds. */
    public void refuseTakenUscc(UnifiedSocialCreditCode uscc, UUID self) {
        Optional<UUID> holder = idByUscc(uscc);
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw ProblemException.conflict("duplicate-uscc", "uscc", "member.uscc.taken", uscc.value());
        }
    }

    /** Refuses (409, type duplicate-expert) an identity number another expert than {@code self} (null: anyone) holds. */
    public void refuseTakenIdNumber(ResidentIdNumber idNumber, UUID self) {
        Optional<UUID> holder = idByExpertIdNumber(idNumber);
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw ProblemException.conflict("duplicate-expert", "idNumber", "member.expert.duplicate");
        }
    }

    /** Approved experts with a senior title and eight or more years (the rest of the rule is checked by the caller). */
    public List<Member> approvedExperts() {
        return jdbc.sql("""
                select * from member where role = 'EXPERT' and status = 'APPROVED' and years_in_field >= 8
                and title in ('SENIOR', 'ASSOCIATE_SENIOR') order by name, id""").query(Members::map).list();
    }

    public Optional<UUID> idByUscc(UnifiedSocialCreditCode uscc) {
        return jdbc.sql("select id from member where uscc = ?").param(uscc.value()).query(UUID.class).optional();
    }

    public Optional<UUID> idByExpertIdNumber(ResidentIdNumber idNumber) {
        return jdbc.sql("select id from member where id_number = ?").param(idNumber.value()).query(UUID.class)
                .optional();
    }

    public Optional<MemberStatus> status(UUID id) {
        return jdbc.sql("select status from member where id = ?").param(id).query(String.class).optional()
                .map(MemberStatus::valueOf);
    }

    public long count() {
        return jdbc.sql("select count(*) from member").query(Long.class).single();
    }

    private static final String COLUMNS = """
            status, name, uscc, legal_rep_name, legal_rep_id_number, controller_name, controller_uscc, contacts,
            address, region_code, business_scope, bank_name, bank_account, id_number, employer_uscc, specialties,
            title, years_in_field, phone, status_reason, reviewed_by, reviewed_at, approved_by, approved_at,
            updated_at""";
    private static final String VALUES = """
            :status, :name, :uscc, :legalRepName, :legalRepId, :controllerName, :controllerUscc,
            cast(:contacts as jsonb), :address, :region, :scope, :bankName, :bankAccount, :idNumber, :employer,
            cast(:specialties as varchar(20)[]), :title, :years, :phone, :reason, :reviewedBy, :reviewedAt,
            :approvedBy, :approvedAt, :updatedAt""";

    public void insert(Member m) {
        bind(jdbc.sql("insert into member (id, role, registered_at, " + COLUMNS + ") values (:id, :role, :registeredAt, "
                + VALUES + ")"), m)
                .param("role", m.role().name())
                .param("registeredAt", ts(m.registeredAt()))
                .update();
    }

    /** Writes every field of the member. */
    public void update(Member m) {
        bind(jdbc.sql("update member set (" + COLUMNS + ") = (" + VALUES + ") where id = :id"), m).update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Member m) {
        CompanyProfile c = m.company().orElse(null);
        ExpertProfile e = m.expert().orElse(null);
        return sql
                .param("id", m.id().value())
                .param("status", m.status().name())
                .param("name", m.name())
                .param("uscc", c == null ? null : c.uscc().value())
                .param("legalRepName", c == null ? null : c.legalRepresentative().name())
                .param("legalRepId", c == null ? null : c.legalRepresentative().idNumber().value())
                .param("controllerName", c == null ? null : c.controllingShareholder().map(s -> s.name()).orElse(null))
                .param("controllerUscc",
                        c == null ? null : c.controllingShareholder().map(s -> s.uscc().value()).orElse(null))
                .param("contacts", JSON.writeValueAsString(c == null ? List.of() : c.contacts()))
                .param("address", c == null ? null : c.address())
                .param("region", c == null ? null : c.region().value())
                .param("scope", c == null ? null : c.businessScope())
                .param("bankName", c == null ? null : c.bankAccount().bankName())
                .param("bankAccount", c == null ? null : c.bankAccount().accountNumber())
                .param("idNumber", e == null ? null : e.idNumber().value())
                .param("employer", e == null || e.employer() == null ? null : e.employer().value())
                .param("specialties", pgArray(e == null ? List.of() : e.specialties()))
                .param("title", e == null ? null : e.title().name())
                .param("years", e == null ? null : e.yearsInField())
                .param("phone", e == null ? null : e.phone())
                .param("reason", m.statusReason().orElse(null))
                .param("reviewedBy", m.reviewedBy().map(AccountId::value).orElse(null))
                .param("reviewedAt", ts(m.reviewedAt().orElse(null)))
                .param("approvedBy", m.approvedBy().map(AccountId::value).orElse(null))
                .param("approvedAt", ts(m.approvedAt().orElse(null)))
                .param("updatedAt", ts(m.updatedAt()));
    }

    /** Staff search; every criterion optional. */
    public MemberViews.Page<MemberViews.MemberSummary> search(String name, String uscc, Role role, MemberStatus status,
            String regionPrefix, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            where.append(" and name ilike ? escape '\\'");
            params.add("%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (uscc != null && !uscc.isBlank()) {
            where.append(" and uscc like ?");
            params.add(uscc.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^0-9A-Z]", "") + "%");
        }
        if (role != null) {
            where.append(" and role = ?");
            params.add(role.name());
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (regionPrefix != null && !regionPrefix.isBlank()) {
            where.append(" and region_code like ?");
            params.add(regionPrefix.replaceAll("[^0-9]", "") + "%");
        }
        long total = jdbc.sql("select count(*) from member" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<MemberViews.MemberSummary> items = jdbc.sql("""
                select id, role, status, name, uscc, region_code, registered_at from member""" + where
                + " order by registered_at desc, id limit ? offset ?").params(pageParams)
                .query((rs, n) -> new MemberViews.MemberSummary(rs.getObject("id", UUID.class),
                        Role.valueOf(rs.getString("role")), MemberStatus.valueOf(rs.getString("status")),
                        rs.getString("name"), rs.getString("uscc"), rs.getString("region_code"),
                        rs.getTimestamp("registered_at").toInstant()))
                .list();
        return new MemberViews.Page<>(items, total, page, size);
    }

    public List<MemberViews.Agency> approvedAgencies(String regionPrefix) {
        return jdbc.sql("""
                select id, name, uscc, region_code, address from member
                where role = 'AGENT' and status = 'APPROVED' and region_code like ?
                order by name""").param((regionPrefix == null ? "" : regionPrefix.replaceAll("[^0-9]", "")) + "%")
                .query((rs, n) -> {
                    String region = rs.getString("region_code");
                    return new MemberViews.Agency(rs.getObject("id", UUID.class), rs.getString("name"),
                            rs.getString("uscc"), region, RegionCode.parse(region).name().orElse(null),
                            rs.getString("address"));
                }).list();
    }

    /** Members linked to {@code id} by legal representative, control, or employment. */
    public List<MemberViews.RelatedMember> related(UUID id) {
        return relatedOf(List.of(id)).getOrDefault(id, List.of());
    }

    /** The same for many members in one query, by member (members without relations are left out). */
    public Map<UUID, List<MemberViews.RelatedMember>> relatedOf(Collection<UUID> ids) {
        Map<UUID, List<MemberViews.RelatedMember>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.id as of, o.id, o.name, o.uscc, o.role, o.status, 'SAME_LEGAL_REPRESENTATIVE' as relation
                  from member s join member o on o.legal_rep_id_number = s.legal_rep_id_number and o.id <> s.id
                 where s.id = any(:ids)
                union all
                select s.id, o.id, o.name, o.uscc, o.role, o.status, 'CONTROLLED_BY'
                  from member s join member o on o.uscc = s.controller_uscc and o.id <> s.id
                 where s.id = any(:ids)
                union all
                select s.id, o.id, o.name, o.uscc, o.role, o.status, 'CONTROLS'
                  from member s join member o on o.controller_uscc = s.uscc and o.id <> s.id
                 where s.id = any(:ids)
                union all
                select s.id, o.id, o.name, o.uscc, o.role, o.status, 'EMPLOYER'
                  from member s join member o on o.uscc = s.employer_uscc and o.id <> s.id
                 where s.id = any(:ids)
                union all
                select s.id, o.id, o.name, o.uscc, o.role, o.status, 'EMPLOYEE'
                  from member s join member o on o.employer_uscc = s.uscc and o.id <> s.id
                 where s.id = any(:ids)
                order by of, relation, name""").param("ids", ids.toArray(new UUID[0]))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject("of", UUID.class), k -> new ArrayList<>())
                            .add(new MemberViews.RelatedMember(rs.getObject("id", UUID.class), rs.getString("name"),
                                    rs.getString("uscc"), Role.valueOf(rs.getString("role")),
                                    MemberStatus.valueOf(rs.getString("status")),
                                    MemberViews.Relation.valueOf(rs.getString("relation"))));
                });
        return out;
    }

    /** The company code of each of these members that has one, in one query. */
    public Map<UUID, String> usccsOf(Collection<UUID> ids) {
        Map<UUID, String> out = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, uscc from member where id = any(:ids) and uscc is not null")
                    .param("ids", ids.toArray(new UUID[0]))
                    .query(rs -> {
                        out.put(rs.getObject("id", UUID.class), rs.getString("uscc"));
                    });
        }
        return out;
    }

    // qualifications

    public record QualificationRow(UUID id, UUID memberId, String kind, String number, String grade, String issuer,
            LocalDate expiresOn, String scanSha256, String scanType, long scanSize, String scanName, Instant addedAt) {
    }

    public void insertQualification(QualificationRow q) {
        jdbc.sql("""
                insert into member_qualification (id, member_id, kind, number, grade, issuer, expires_on, scan_sha256,
                    scan_type, scan_size, scan_name, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(q.id(), q.memberId(), q.kind(), q.number(), q.grade(), q.issuer(), q.expiresOn(),
                        q.scanSha256(), q.scanType(), q.scanSize(), q.scanName(), ts(q.addedAt()))
                .update();
    }

    public List<QualificationRow> qualifications(UUID memberId) {
        return jdbc.sql("select * from member_qualification where member_id = ? order by expires_on, id")
                .param(memberId).query(Members::mapQualification).list();
    }

    public Optional<QualificationRow> qualification(UUID memberId, UUID id) {
        return jdbc.sql("select * from member_qualification where member_id = ? and id = ?").params(memberId, id)
                .query(Members::mapQualification).optional();
    }

    private static QualificationRow mapQualification(ResultSet rs, int n) throws SQLException {
        return new QualificationRow(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getString("kind"), rs.getString("number"), rs.getString("grade"), rs.getString("issuer"),
                rs.getObject("expires_on", LocalDate.class), rs.getString("scan_sha256"), rs.getString("scan_type"),
                rs.getLong("scan_size"), rs.getString("scan_name"), rs.getTimestamp("added_at").toInstant());
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        Role role = Role.valueOf(rs.getString("role"));
        CompanyProfile company = null;
        ExpertProfile expert = null;
        if (role == Role.EXPERT) {
            String employer = rs.getString("employer_uscc");
            Array specialties = rs.getArray("specialties");
            expert = new ExpertProfile(rs.getString("name"), new ResidentIdNumber(rs.getString("id_number")),
                    employer == null ? null : new UnifiedSocialCreditCode(employer),
                    specialties == null ? List.of() : Arrays.asList((String[]) specialties.getArray()),
                    ExpertTitle.valueOf(rs.getString("title")), rs.getInt("years_in_field"), rs.getString("phone"));
        } else {
            String controllerUscc = rs.getString("controller_uscc");
            company = new CompanyProfile(rs.getString("name"), new UnifiedSocialCreditCode(rs.getString("uscc")),
                    new CompanyProfile.LegalRepresentative(rs.getString("legal_rep_name"),
                            new ResidentIdNumber(rs.getString("legal_rep_id_number"))),
                    controllerUscc == null ? Optional.empty()
                            : Optional.of(new CompanyProfile.ControllingShareholder(rs.getString("controller_name"),
                                    new UnifiedSocialCreditCode(controllerUscc))),
                    JSON.readValue(rs.getString("contacts"), new TypeReference<List<CompanyProfile.Contact>>() {
                    }), rs.getString("address"), new RegionCode(rs.getString("region_code")),
                    rs.getString("business_scope"),
                    new CompanyProfile.BankAccount(rs.getString("bank_name"), rs.getString("bank_account")));
        }
        return Member.restore(MemberId.of(rs.getObject("id", UUID.class)), role, MemberStatus.valueOf(rs.getString("status")),
                company, expert, rs.getString("status_reason"), account(rs, "reviewed_by"),
                instant(rs, "reviewed_at"), account(rs, "approved_by"), instant(rs, "approved_at"),
                rs.getTimestamp("registered_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static AccountId account(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : AccountId.of(id);
    }

    /** A PostgreSQL array literal; elements are validated codes without quotes or braces. */
    private static String pgArray(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
