package org.sunbid.deposit.internal;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.sunbid.deposit.ImportReport;
import org.sunbid.deposit.StatementImports;
import org.sunbid.platform.ProblemException;

/**
 * Imports what the statement source offers, one statement per transaction, on a timer
 * ({@code sunbid.deposit.pick-up-interval}, default one minute). A refused statement is set aside with its reason.
 */
@Component
public class StatementPickUp {

    private static final Logger log = LoggerFactory.getLogger(StatementPickUp.class);

    private final BankStatementSource source;
    private final StatementImports imports;

    StatementPickUp(BankStatementSource source, StatementImports imports) {
        this.source = source;
        this.imports = imports;
    }

    @Scheduled(initialDelayString = "${sunbid.deposit.pick-up-interval:PT1M}",
            fixedDelayString = "${sunbid.deposit.pick-up-interval:PT1M}")
    public int pickUp() {
        int imported = 0;
        for (BankStatementSource.Pending p : source.pending()) {
            try (InputStream in = p.open()) {
                ImportReport r = imports.importStatement(p.format(), in, null);
                p.done();
                imported++;
                log.info("Statement {} imported: {} new entries, difference {}", p.name(), r.newEntries(), r.difference());
            } catch (ProblemException e) {
                p.rejected(e.type() + " " + (e.field() == null ? "" : e.field()) + ": " + e.messageKey());
                log.warn("Statement {} refused: {}", p.name(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                log.error("Statement {} could not be imported now: {}", p.name(), e.toString());
            }
        }
        return imported;
    }
}
