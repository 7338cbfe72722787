package org.sunbid.deposit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Hand-written camt.053 files from test resources with their placeholders filled in, and small CSV statements. */
final class StatementFixtures {

    static final String COLLECTION_ACCOUNT = "31050161360009001888";

    private StatementFixtures() {
    }

    static String camt(String resource, Map<String, String> values) {
        try (InputStream in = StatementFixtures.class.getResourceAsStream("/deposit/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> all = new HashMap<>(Map.of("STMT", "STMT-" + UUID.randomUUID(), "RTRINF", "",
                    "E2E1", "NOTPROVIDED", "DIR1", "CRDT", "OPENING", "0.00", "CLOSING", "0.00"));
            all.putAll(values);
            for (var e : all.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            if (text.contains("${")) {
                throw new IllegalArgumentException("unfilled placeholder in " + resource + ": "
                        + text.substring(text.indexOf("${"), text.indexOf("${") + 12));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> values(String... keysAndValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String ref() {
        return "CCB" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase(java.util.Locale.ROOT);
    }

    /** A CSV statement of the documented layout with the given entry lines (after the column row). */
    static String csv(String account, String closing, String... lines) {
        StringBuilder b = new StringBuilder("# statement=CSV-").append(UUID.randomUUID()).append("\n# account=")
                .append(account).append("\n# currency=CNY\n");
        if (closing != null) {
            b.append("# closing=").append(closing).append('\n');
        }
        b.append("bank_ref,booked_on,direction,amount,currency,virtual_account,payer_account,payer_name,")
                .append("end_to_end_id,return_reason,reversal\n");
        for (String l : lines) {
            b.append(l).append('\n');
        }
        return b.toString();
    }
}
