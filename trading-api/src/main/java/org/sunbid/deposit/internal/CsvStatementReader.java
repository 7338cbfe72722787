package org.sunbid.deposit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sunbid.deposit.Money;
import org.sunbid.platform.ProblemException;

/**
 * Streams the documented CSV statement layout (docs/deposits.md): {@code # key=value} header lines, then a column
 * row, then one booked entry per line. UTF-8, comma separated, fields optionally double-quoted.
 */
public final class CsvStatementReader {

    static final List<String> COLUMNS = List.of("bank_ref", "booked_on", "direction", "amount", "currency",
            "virtual_account", "payer_account", "payer_name", "end_to_end_id", "return_reason", "reversal");
    private static final int MAX_LINE = 4_000;

    private CsvStatementReader() {
    }

    public static void read(InputStream in, StatementSink sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, String> meta = new HashMap<>();
            String line;
            int n = 0;
            boolean columns = false;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.length() > MAX_LINE) {
                    throw ProblemException.invalid("statement", "deposit.statement.text-too-long");
                }
                if (line.isBlank()) {
                    continue;
                }
                if (!columns && line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        meta.put(line.substring(1, eq).strip(), line.substring(eq + 1).strip());
                    }
                    continue;
                }
                if (!columns) {
                    if (!split(line, n).equals(COLUMNS)) {
                        throw ProblemException.invalid("statement", "deposit.statement.csv-columns", String.join(",", COLUMNS));
                    }
                    columns = true;
                    header(meta, sink);
                    continue;
                }
                sink.entry(entry(split(line, n), n));
            }
            if (!columns) {
                throw ProblemException.invalid("statement", "deposit.statement.no-statement");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Map<String, String> meta, StatementSink sink) {
        String account = meta.get("account");
        if (account == null || account.isBlank()) {
            throw ProblemException.invalid("statement.account", "deposit.statement.no-account");
        }
        String ccy = meta.getOrDefault("currency", "CNY");
        if (!ccy.equals("CNY")) {
            throw ProblemException.rule("wrong-currency", "statement.currency", "deposit.statement.wrong-currency", ccy);
        }
        sink.header(new StatementHeader(meta.getOrDefault("statement", ""), account, ccy, decimal(meta.get("opening")),
                decimal(meta.get("closing"))));
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("statement.balance", "deposit.statement.amount", value);
        }
    }

    private static BankEntry entry(List<String> f, int line) {
        if (f.size() != COLUMNS.size()) {
            throw ProblemException.invalid("statement.line", "deposit.statement.csv-line", line);
        }
        if (!"CNY".equals(f.get(4))) {
            throw ProblemException.rule("wrong-currency", "statement.currency", "deposit.statement.wrong-currency", f.get(4));
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(f.get(3));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("statement.amount", "deposit.statement.amount", f.get(3));
        }
        if (amount.signum() < 0) {
            throw ProblemException.invalid("statement.amount", "deposit.statement.negative-amount", f.get(3));
        }
        if (amount.signum() == 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 15) {
            throw ProblemException.invalid("statement.amount", "deposit.statement.amount", f.get(3));
        }
        BankEntry.Direction dir;
        LocalDate booked;
        try {
            dir = BankEntry.Direction.valueOf(f.get(2));
            booked = f.get(1).isEmpty() ? null : LocalDate.parse(f.get(1));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("statement.line", "deposit.statement.csv-line", line);
        }
        if (f.get(0).isBlank()) {
            throw ProblemException.invalid("statement.bank_ref", "deposit.statement.no-reference");
        }
        return new BankEntry(f.get(0), dir, "true".equalsIgnoreCase(f.get(10)), new Money(amount), "CNY", booked,
                blankToNull(f.get(5)), blankToNull(f.get(6)), blankToNull(f.get(7)), blankToNull(f.get(8)),
                blankToNull(f.get(9)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static List<String> split(String line, int n) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw ProblemException.invalid("statement.line", "deposit.statement.csv-line", n);
        }
        out.add(cur.toString());
        return out;
    }
}
