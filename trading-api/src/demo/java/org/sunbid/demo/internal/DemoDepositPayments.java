package org.sunbid.demo.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.deposit.DepositInstructions;
import org.sunbid.deposit.DepositManagement;
import org.sunbid.deposit.ImportReport;
import org.sunbid.deposit.StatementFormat;
import org.sunbid.deposit.StatementImports;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/**
 * The demo bidders pay their deposits the way real ones do: each reads its virtual sub-account, and a demo bank
 * statement (the documented CSV layout) carrying one credit per bidder from its basic account is imported by staff.
 */
@Component
public class DemoDepositPayments {

    private final DepositManagement deposits;
    private final StatementImports imports;
    private final Clock clock;

    DemoDepositPayments(DepositManagement deposits, StatementImports imports, Clock clock) {
        this.deposits = deposits;
        this.imports = imports;
        this.clock = clock;
    }

    /** A demo bidder: its login and its company name. */
    public record Payer(CurrentUser user, String company) {
    }

    /** Imports one statement paying every payer's deposit not yet secured; idempotent by bank reference. */
    public ImportReport pay(CurrentUser staff, UUID project, UUID lot, List<Payer> payers) {
        LocalDate today = clock.instant().atZone(PlatformZone.ZONE).toLocalDate();
        StringBuilder csv = new StringBuilder("# statement=DEMO-").append(lot).append('\n')
                .append("# account=").append(deposits.collectionAccount()).append("\n# currency=CNY\n")
                .append("bank_ref,booked_on,direction,amount,currency,virtual_account,payer_account,payer_name,")
                .append("end_to_end_id,return_reason,reversal\n");
        int n = 0;
        for (Payer p : payers) {
            n++;
            DepositInstructions i = deposits.instructions(p.user(), ProjectId.of(project), LotId.of(lot));
            csv.append("DEMO-").append(lot).append('-').append(n).append(',').append(today).append(",CRDT,")
                    .append(i.amount()).append(",CNY,").append(i.virtualAccount()).append(',').append(i.payFrom())
                    .append(",\"").append(p.company().replace("\"", "\"\"")).append("\",,,false\n");
        }
        return imports.importStatement(StatementFormat.CSV,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), staff.account());
    }
}
