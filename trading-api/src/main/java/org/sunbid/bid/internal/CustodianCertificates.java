package org.sunbid.bid.internal;

import static org.sunbid.bid.internal.Jdbc.instant;
import static org.sunbid.bid.internal.Jdbc.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.bid.BidView;

/** The certificates custodians bound, to which their key shares are sealed ({@code custodian_certificate}). */
@Repository
public class CustodianCertificates {

    private final JdbcClient jdbc;

    CustodianCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void bindCustodian(UUID account, byte[] der, String fingerprint, Instant at) {
        jdbc.sql("""
                insert into custodian_certificate (account_id, certificate, fingerprint, bound_at) values (?, ?, ?, ?)
                on conflict (account_id) do update set certificate = excluded.certificate,
                    fingerprint = excluded.fingerprint, bound_at = excluded.bound_at""")
                .params(account, der, fingerprint, ts(at)).update();
    }

    public boolean fingerprintTakenByOther(String fingerprint, UUID account) {
        return jdbc.sql("select count(*) from custodian_certificate where fingerprint = ? and account_id <> ?")
                .params(fingerprint, account).query(Integer.class).single() > 0;
    }

    public record CustodianCert(UUID account, byte[] der) {
    }

    /** The {@code n} custodians whose certificates were bound last: a re-appointed set takes effect for new lots. */
    public List<CustodianCert> latestCustodians(int n) {
        return jdbc.sql("select account_id, certificate from custodian_certificate order by bound_at desc, account_id limit ?")
                .param(n).query((rs, row) -> new CustodianCert(rs.getObject(1, UUID.class), rs.getBytes(2))).list();
    }

    public Optional<byte[]> custodianCertificate(UUID account) {
        return jdbc.sql("select certificate from custodian_certificate where account_id = ?").param(account)
                .query(byte[].class).optional();
    }
}
