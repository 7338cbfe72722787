package org.sunbid.member.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;

/** Certificates bound by members; also the identity feature's {@link CertificateDirectory} for certificate login. */
@Repository
public class MemberCertificates implements CertificateDirectory {

    private final JdbcClient jdbc;

    MemberCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean fingerprintBound(String fingerprint) {
        return jdbc.sql("select count(*) from member_certificate where fingerprint = ?").param(fingerprint)
                .query(Integer.class).single() > 0;
    }

    public void insert(UUID id, UUID memberId, X509Certificate certificate, String fingerprint, String algorithm,
            UUID by, Instant at) throws java.security.cert.CertificateEncodingException {
        jdbc.sql("""
                insert into member_certificate (id, member_id, fingerprint, algorithm, subject, issuer, serial,
                    not_before, not_after, der, bound_at, bound_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, memberId, fingerprint, algorithm, truncate(certificate.getSubjectX500Principal().getName()),
                        truncate(certificate.getIssuerX500Principal().getName()),
                        certificate.getSerialNumber().toString(16), Members.ts(certificate.getNotBefore().toInstant()),
                        Members.ts(certificate.getNotAfter().toInstant()), certificate.getEncoded(), Members.ts(at), by)
                .update();
    }

    public List<MemberViews.Certificate> list(UUID memberId) {
        return jdbc.sql("select * from member_certificate where member_id = ? order by bound_at, id").param(memberId)
                .query((rs, n) -> new MemberViews.Certificate(rs.getObject("id", UUID.class), rs.getString("fingerprint"),
                        rs.getString("algorithm"), rs.getString("subject"), rs.getString("issuer"), rs.getString("serial"),
                        rs.getTimestamp("not_before").toInstant(), rs.getTimestamp("not_after").toInstant(),
                        rs.getTimestamp("bound_at").toInstant(), Members.instant(rs, "revoked_at")))
                .list();
    }

    /** Marks a live certificate revoked; returns its fingerprint if it was live. */
    public Optional<String> revoke(UUID memberId, UUID id, Instant at) {
        return jdbc.sql("""
                update member_certificate set revoked_at = ? where member_id = ? and id = ? and revoked_at is null
                returning fingerprint""").params(Members.ts(at), memberId, id).query(String.class).optional();
    }

    @Override
    public List<X509Certificate> certificatesOf(MemberId member) {
        if (member == null) {
            return List.of();
        }
        UUID memberId = member.value();
        return jdbc.sql("select der from member_certificate where member_id = ? and revoked_at is null order by bound_at")
                .param(memberId).query((rs, n) -> toCertificate(rs.getBytes("der"))).list();
    }

    private static X509Certificate toCertificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", Certificates.provider())
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalStateException("a stored certificate no longer parses", e);
        }
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
