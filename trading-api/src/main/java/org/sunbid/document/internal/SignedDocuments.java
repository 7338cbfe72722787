package org.sunbid.document.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.SignedDocument;
import org.sunbid.document.Visibility;

/** Issued documents, in hand-written SQL; rows are immutable (a trigger refuses UPDATE and DELETE). */
@Repository
public class SignedDocuments {

    private final JdbcClient jdbc;

    SignedDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SignedDocument d, byte[] pdf) {
        jdbc.sql("""
                insert into signed_document (id, kind, subject_id, owner_id, visibility, title, sha256, size, pdf, signer, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.kind().name(), d.subjectId(), d.ownerId(), d.visibility().name(), d.title(), d.sha256(),
                        d.size(), pdf, d.signer(), Timestamp.from(d.issuedAt()))
                .update();
    }

    public Optional<SignedDocument> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from signed_document where id = ?").param(id).query(SignedDocuments::map)
                .optional();
    }

    public Optional<byte[]> pdf(UUID id) {
        return jdbc.sql("select pdf from signed_document where id = ?").param(id).query(byte[].class).optional();
    }

    public List<SignedDocument> ownedBy(UUID ownerId) {
        return jdbc.sql("select " + COLUMNS + " from signed_document where owner_id = ? order by issued_at desc").param(ownerId)
                .query(SignedDocuments::map).list();
    }

    public List<SignedDocument> forSubject(UUID subjectId) {
        return jdbc.sql("select " + COLUMNS + " from signed_document where subject_id = ? order by issued_at").param(subjectId)
                .query(SignedDocuments::map).list();
    }

    private static final String COLUMNS = "id, kind, subject_id, owner_id, visibility, title, sha256, size, signer, issued_at";

    private static SignedDocument map(ResultSet rs, int row) throws SQLException {
        return new SignedDocument(rs.getObject("id", UUID.class), DocumentKind.valueOf(rs.getString("kind")),
                rs.getObject("subject_id", UUID.class), rs.getObject("owner_id", UUID.class),
                Visibility.valueOf(rs.getString("visibility")), rs.getString("title"), rs.getString("sha256"),
                rs.getLong("size"), rs.getString("signer"), rs.getTimestamp("issued_at").toInstant());
    }
}
