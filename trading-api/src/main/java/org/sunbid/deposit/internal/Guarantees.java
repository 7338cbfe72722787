package org.sunbid.deposit.internal;

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
import org.sunbid.deposit.Money;

/** The trust list of guarantee issuers and the guarantees accepted under it (电子保函). */
@Repository
public class Guarantees {

    private final JdbcClient jdbc;

    Guarantees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An issuer certificate staff put on the trust list; {@code removedAt} set once taken off it. */
    public record Issuer(UUID id, String name, String fingerprint, byte[] certificate, UUID addedBy, Instant addedAt,
            Instant removedAt) {
    }

    public enum State {
        /** Verified and securing the bidder's deposit for the lot. */
        ACCEPTED,
        /** Claimed on a forfeit decision: the platform issued the demand letter. */
        CLAIMED
    }

    public record Guarantee(UUID id, UUID issuer, String issuerName, String number, UUID project, UUID lot,
            UUID member, Money amount, LocalDate validUntil, String signerSubject, String contentSha256, State state,
            Instant acceptedAt, UUID claimDocument) {
    }

    // trust list

    public boolean insertIssuer(Issuer i) {
        return jdbc.sql("""
                insert into deposit_guarantee_issuer (id, name, fingerprint, certificate, added_by, added_at)
                values (?, ?, ?, ?, ?, ?) on conflict (fingerprint) do nothing""")
                .params(i.id(), i.name(), i.fingerprint(), i.certificate(), i.addedBy(), Timestamp.from(i.addedAt()))
                .update() == 1;
    }

    public boolean removeIssuer(UUID id, UUID by, Instant at) {
        return jdbc.sql("""
                update deposit_guarantee_issuer set removed_by = ?, removed_at = ? where id = ? and removed_at is null""")
                .params(by, Timestamp.from(at), id).update() == 1;
    }

    /** The issuers on the trust list now. */
    public List<Issuer> trusted() {
        return jdbc.sql("select * from deposit_guarantee_issuer where removed_at is null order by added_at")
                .query(Guarantees::issuer).list();
    }

    public List<Issuer> allIssuers() {
        return jdbc.sql("select * from deposit_guarantee_issuer order by added_at").query(Guarantees::issuer).list();
    }

    private static Issuer issuer(ResultSet rs, int i) throws SQLException {
        Timestamp removed = rs.getTimestamp("removed_at");
        return new Issuer(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("fingerprint"),
                rs.getBytes("certificate"), rs.getObject("added_by", UUID.class), rs.getTimestamp("added_at").toInstant(),
                removed == null ? null : removed.toInstant());
    }

    // guarantees

    private static final String SELECT = """
            select g.*, i.name as issuer_name from deposit_guarantee g
            join deposit_guarantee_issuer i on i.id = g.issuer_id
            """;

    /** Whoever holds this issuer's guarantee number or these signed bytes already, on any lot. */
    public Optional<Guarantee> sameGuarantee(UUID issuer, String number, String contentSha256) {
        return jdbc.sql(SELECT + " where (g.issuer_id = ? and g.guarantee_no = ?) or g.content_sha256 = ? limit 1")
                .params(issuer, number, contentSha256).query(Guarantees::guarantee).optional();
    }

    public void insert(Guarantee g, byte[] document) {
        jdbc.sql("""
                insert into deposit_guarantee (id, issuer_id, guarantee_no, project_id, lot_id, member_id, amount,
                    valid_until, signer_subject, content_sha256, document, state, accepted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.id(), g.issuer(), g.number(), g.project(), g.lot(), g.member(), g.amount().amount(),
                        g.validUntil(), g.signerSubject(), g.contentSha256(), document, g.state().name(),
                        Timestamp.from(g.acceptedAt()))
                .update();
    }

    /** The guarantee in force for a bidder and lot (accepted, not claimed). */
    public Optional<Guarantee> inForce(UUID lot, UUID member) {
        return jdbc.sql(SELECT + " where g.lot_id = ? and g.member_id = ? and g.state = 'ACCEPTED'").params(lot, member)
                .query(Guarantees::guarantee).optional();
    }

    public List<Guarantee> ofMember(UUID member) {
        return jdbc.sql(SELECT + " where g.member_id = ? order by g.accepted_at").param(member)
                .query(Guarantees::guarantee).list();
    }

    public List<Guarantee> ofLot(UUID lot) {
        return jdbc.sql(SELECT + " where g.lot_id = ? order by g.accepted_at").param(lot).query(Guarantees::guarantee)
                .list();
    }

    public Optional<byte[]> document(UUID id) {
        return jdbc.sql("select document from deposit_guarantee where id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    public void markClaimed(UUID id, UUID claimDocument, Instant at) {
        jdbc.sql("""
                update deposit_guarantee set state = 'CLAIMED', claim_document_id = ?, claimed_at = ?
                where id = ? and state = 'ACCEPTED'""").params(claimDocument, Timestamp.from(at), id).update();
    }

    private static Guarantee guarantee(ResultSet rs, int i) throws SQLException {
        return new Guarantee(rs.getObject("id", UUID.class), rs.getObject("issuer_id", UUID.class),
                rs.getString("issuer_name"), rs.getString("guarantee_no"), rs.getObject("project_id", UUID.class),
                rs.getObject("lot_id", UUID.class), rs.getObject("member_id", UUID.class),
                new Money(rs.getBigDecimal("amount")), rs.getObject("valid_until", LocalDate.class),
                rs.getString("signer_subject"), rs.getString("content_sha256"), State.valueOf(rs.getString("state")),
                rs.getTimestamp("accepted_at").toInstant(), rs.getObject("claim_document_id", UUID.class));
    }
}
