package org.sunbid.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strict reading of a raw query string or path: malformed percent-encoding and invalid UTF-8 are errors. */
final class QueryStrings {

    /** One decoded {@code name=value} pair of a query string. */
    record Parameter(String name, String value) {
    }

    /** The text cannot be decoded; {@code name} is the parameter it occurred in, when that could be read. */
    static final class MalformedException extends Exception {

        private final String name;

        MalformedException(String name) {
            super("malformed percent-encoding");
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private QueryStrings() {
    }

    static List<Parameter> parse(String query) throws MalformedException {
        List<Parameter> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name;
            try {
                name = decode(rawName, true);
            } catch (MalformedException e) {
                throw new MalformedException(null);
            }
            try {
                parameters.add(new Parameter(name, eq < 0 ? "" : decode(pair.substring(eq + 1), true)));
            } catch (MalformedException e) {
                throw new MalformedException(name);
            }
        }
        return parameters;
    }

    /** Decodes {@code %XX} escapes (and {@code +} as a space in query strings) as strict UTF-8. */
    static String decode(String raw, boolean plusIsSpace) throws MalformedException {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedException(null);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedException(null);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedException(null);
        }
    }
}
