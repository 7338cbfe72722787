package org.sunbid.alert.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sunbid.alert.internal.engine.FactsCodec;
import org.sunbid.alert.internal.engine.FileFactsReader;
import org.sunbid.alert.internal.engine.LotEvidence;

/**
 * Each opened package's facts, extracted once: the first assessment after the opening reads the package with PDFBox
 * and keeps what it found (table {@code alert_package_facts}, keyed by bid and checked against the package's
 * SHA-256); every later run inflates the kept bytes. The database refuses a row for a bid that was not opened.
 */
@Repository
class PackageFacts {

    private static final Logger log = LoggerFactory.getLogger(PackageFacts.class);

    /** A package's files and whether they came from the cache. */
    record Read(List<LotEvidence.FileFacts> files, boolean cached) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PackageFacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The facts of a bid's opened package, from the cache when it holds this very package. */
    Read of(UUID bid, Path content) {
        String sha256;
        try {
            sha256 = FileFactsReader.sha256(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<byte[]> kept = jdbc.sql("select facts from alert_package_facts where bid_id = ? and package_sha256 = ?")
                .params(bid, sha256).query((rs, n) -> rs.getBytes(1)).optional();
        if (kept.isPresent()) {
            try {
                return new Read(FactsCodec.decode(kept.get()), true);
            } catch (IllegalArgumentException damaged) {
                log.warn("extracted facts of bid {} unreadable: extracting again", bid);
            }
        }
        List<LotEvidence.FileFacts> files = EvidenceCollector.documents(content);
        jdbc.sql("""
                insert into alert_package_facts (bid_id, package_sha256, facts, extracted_at) values (?, ?, ?, ?)
                on conflict (bid_id) do update set package_sha256 = excluded.package_sha256, facts = excluded.facts,
                    extracted_at = excluded.extracted_at""")
                .params(bid, sha256, FactsCodec.encode(files), Timestamp.from(clock.instant())).update();
        return new Read(files, false);
    }
}
