package org.sunbid.deposit;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.SunbidApplication;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;

/**
 * Imports a camt.053.001.08 of N entries (default 1,000,000) with matching, against PostgreSQL COPY of the same rows
 * into a table shaped like the bank entries (same columns, primary key and checks), in one JVM against the embedded
 * PostgreSQL. A plain main, never run by {@code ./mvnw verify}: {@code trading-api/bench/deposit-import-bench.sh}.
 */
public final class StatementImportBenchmark {

    static final String BASIC = "0200001509020123456";
    static final String COLLECTION = "31050161360009001888";

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int bidders = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int lots = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path dir = Files.createTempDirectory("sunbid-depositbench-");
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(SunbidApplication.class).run("--sunbid.data-dir=" + dir.resolve("data"),
                    "--sunbid.database.ephemeral=true", "--server.port=0", "--logging.level.root=WARN",
                    "--sunbid.scheduler.name=sunbid-depositbench", "--sunbid.supervision.tree-head-interval=PT24H",
                    "--sunbid.deposit.max-statement-bytes=" + Long.MAX_VALUE,
                    "--sunbid.keys.passphrase=bench-" + UUID.randomUUID());
            new StatementImportBenchmark(app, dir).run(entries, bidders, lots);
        } finally {
            if (app != null) {
                app.close();
            }
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MemberSetup members;
    private final StatementImports imports;
    private final TransactionTemplate tx;
    private final Path dir;
    private final Random random = new Random(17);

    StatementImportBenchmark(ConfigurableApplicationContext app, Path dir) {
        this.jdbc = app.getBean(JdbcClient.class);
        this.dataSource = app.getBean(DataSource.class);
        this.members = app.getBean(MemberSetup.class);
        this.imports = app.getBean(StatementImports.class);
        this.tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        this.dir = dir;
    }

    void run(int entries, int bidders, int lots) throws Exception {
        long t0 = System.nanoTime();
        List<String> accounts = new ArrayList<>();
        String prefix = "955880";
        for (int b = 0; b < bidders; b++) {
            UUID member = MemberFixtures.approved(members, Role.BIDDER).memberId();
            for (int l = 0; l < lots; l++) {
                UUID lot = UUID.randomUUID();
                VirtualAccountNumber n = VirtualAccountNumber.derive(prefix, lot, member, 0);
                jdbc.sql("""
                        insert into deposit_account (number, lot_id, project_id, member_id, required, state, opened_at)
                        values (?, ?, ?, ?, 20000.00, 'OPEN', ?)""")
                        .params(n.value(), lot, UUID.randomUUID(), member, Timestamp.from(Instant.now())).update();
                accounts.add(n.value());
            }
        }
        System.out.printf("setup: %d bidders x %d lots = %d virtual accounts in %.1f s%n", bidders, lots,
                accounts.size(), seconds(t0));

        importOnce(write("warm", Math.min(20_000, entries), accounts), "warm-up");
        Statement s = write("main", entries, accounts);
        System.out.printf("statement: %,d entries, camt.053 %,d MB, COPY rows %,d MB%n", entries,
                Files.size(s.xml()) >> 20, Files.size(s.copy()) >> 20);

        double copy1 = copyBaseline(s.copy());
        double imported = importOnce(s, "import");
        double copy2 = copyBaseline(s.copy());
        double copy = Math.min(copy1, copy2);
        System.out.printf("COPY baseline: %.2f s and %.2f s (%,.0f rows/s at best)%n", copy1, copy2, entries / copy);
        System.out.printf("import with matching: %.2f s (%,.0f entries/s) = %.0f %% of COPY%n", imported,
                entries / imported, 100 * copy / imported);
        System.out.printf("load average: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    record Statement(Path xml, Path copy, BigDecimal total) {
    }

    /** The camt.053 and, row for row, the COPY text of the same entries as bank entry rows. */
    Statement write(String name, int n, List<String> accounts) throws Exception {
        Path xml = dir.resolve(name + ".xml");
        Path copy = dir.resolve(name + ".copy");
        BigDecimal opening = jdbc.sql("select coalesce(sum(balance), 0) from deposit_balance where account = 'BANK_CLEARING'")
                .query(BigDecimal.class).single();
        long seed = random.nextLong();
        Random first = new Random(seed);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            total = total.add(draw(first, i, accounts).amount());
        }
        Random again = new Random(seed);
        String stmt = UUID.randomUUID().toString();
        try (BufferedWriter x = Files.newBufferedWriter(xml, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
                BufferedWriter c = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
            StringBuilder body = new StringBuilder();
            x.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                      <BkToCstmrStmt>
                        <GrpHdr><MsgId>BENCH-%s</MsgId><CreDtTm>2026-12-03T18:00:00+08:00</CreDtTm></GrpHdr>
                        <Stmt>
                          <Id>BENCH-%s</Id>
                          <CreDtTm>2026-12-03T18:00:00+08:00</CreDtTm>
                          <Acct><Id><Othr><Id>%s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                          <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-03</Dt></Dt></Bal>
                          <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-03</Dt></Dt></Bal>
                    """.formatted(name, stmt, COLLECTION, opening.toPlainString(), opening.add(total).toPlainString()));
            for (int i = 0; i < n; i++) {
                Drawn d = draw(again, i, accounts);
                String va = d.va();
                String payer = d.payer();
                BigDecimal amount = d.amount();
                String ref = "BENCH" + stmt.substring(0, 8) + "-" + i;
                body.append("""
                              <Ntry>
                                <Amt Ccy="CNY">%s</Amt>
                                <CdtDbtInd>CRDT</CdtDbtInd>
                                <Sts><Cd>BOOK</Cd></Sts>
                                <BookgDt><Dt>2026-12-03</Dt></BookgDt>
                                <AcctSvcrRef>%s</AcctSvcrRef>
                                <NtryDtls><TxDtls>
                                  <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                                  <RltdPties>
                                    <Dbtr><Pty><Nm>投标人%d有限公司</Nm></Pty></Dbtr>
                                    <DbtrAcct><Id><Othr><Id>%s</Id></Othr></Id></DbtrAcct>
                                    <CdtrAcct><Id><Othr><Id>%s</Id></Othr></Id></CdtrAcct>
                                  </RltdPties>
                                  <RmtInf><Ustrd>投标保证金</Ustrd></RmtInf>
                                </TxDtls></NtryDtls>
                              </Ntry>
                        """.formatted(amount.toPlainString(), ref, i % 1000, payer, va));
                c.write(String.join("\t", ref, stmt, "2026-12-03", "CRDT", amount.toPlainString(), va, payer,
                        "投标人" + (i % 1000) + "有限公司", "NOTPROVIDED", "CREDITED", "\\N"));
                c.write('\n');
                if (body.length() > 1 << 16) {
                    x.write(body.toString());
                    body.setLength(0);
                }
            }
            x.write(body.toString());
            x.write("""
                        </Stmt>
                      </BkToCstmrStmt>
                    </Document>
                    """);
        }
        return new Statement(xml, copy, total);
    }

    record Drawn(String va, String payer, BigDecimal amount) {
    }

    /** 90 % paid from the basic account, 5 % from another account, 5 % into unknown virtual accounts. */
    private static Drawn draw(Random r, int i, List<String> accounts) {
        int kind = r.nextInt(100);
        String va = kind < 95 ? accounts.get(r.nextInt(accounts.size())) : "95588099" + (100000000000L + i);
        String payer = kind < 90 || kind >= 95 ? BASIC : "6222020000000000999";
        return new Drawn(va, payer, BigDecimal.valueOf(100 + r.nextInt(2_000_000), 2));
    }

    double importOnce(Statement s, String label) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        ImportReport r;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(s.xml()), 1 << 16)) {
            r = tx.execute(status -> imports.importStatement(StatementFormat.CAMT053, in, null));
        }
        double secs = seconds(t0);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %.2f s, %,d entries, %,d new, %,d credited (%,d short, %,d excess), %,d to suspense, "
                + "reconciled %s; peak heap (sum of pool peaks) %,d MB of max %,d MB%n", label, secs, r.entries(),
                r.newEntries(), r.credited(), r.flaggedShort(), r.flaggedExcess(), r.suspense(), r.reconciled(),
                peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (!r.reconciled() || r.newEntries() != r.entries()) {
            throw new IllegalStateException("import did not reconcile: " + r);
        }
        return secs;
    }

    double copyBaseline(Path rows) throws Exception {
        jdbc.sql("drop table if exists bench_copy").update();
        jdbc.sql("create table bench_copy (like deposit_bank_entry including all)").update();
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin", in, 1 << 16);
            c.commit();
            if (n == 0) {
                throw new IllegalStateException("COPY loaded nothing");
            }
        }
        return seconds(t0);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
