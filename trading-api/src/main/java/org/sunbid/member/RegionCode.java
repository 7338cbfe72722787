package org.sunbid.member;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A six-digit administrative division code (GB/T 2260). Its province prefix must be a known province; the known
 * codes and names are kept as data in {@code org/sunbid/member/regions.tsv}.
 */
public record RegionCode(String value) {

    private static final Map<String, String> NAMES = load();

    public RegionCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("member.region.required");
        }
        if (!value.matches("[1-9][0-9]{5}")) {
            throw new InvalidValueException("member.region.format");
        }
        if (!NAMES.containsKey(value.substring(0, 2) + "0000")) {
            throw new InvalidValueException("member.region.province");
        }
    }

    public static RegionCode parse(String text) {
        return new RegionCode(text == null ? null : text.strip());
    }

    /** The province (省级) code: the first two digits followed by zeros. */
    public RegionCode province() {
        return new RegionCode(value.substring(0, 2) + "0000");
    }

    /** The full name, if the division is in the table: e.g. 北京市海淀区. */
    public Optional<String> name() {
        return Optional.ofNullable(NAMES.get(value));
    }

    /** Every division in the table, code to name, in table order. */
    public static Map<String, String> table() {
        return NAMES;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (var in = RegionCode.class.getResourceAsStream("regions.tsv")) {
            if (in == null) {
                throw new IllegalStateException("regions.tsv missing");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                names.put(cols[0].strip(), cols[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }

    @Override
    public String toString() {
        return value;
    }
}
