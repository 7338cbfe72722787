package org.sunbid.bid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The bid form's rules, read at run time from the one JSON Schema the portal publishes
 * ({@code /schemas/bid-form.schema.json}, JSON Schema 2020-12): the same file bidders and {@code bidtool} are pointed
 * to, so the platform checks a form by exactly the published rules and never by a second, hand-written copy.
 */
public final class BidFormSchema {

    /** Where the published schema sits on the class path (the portal's static files). */
    public static final String RESOURCE = "/static/schemas/bid-form.schema.json";

    private static final JsonSchema SCHEMA = load();

    /** One broken rule: the JSON pointer (RFC 6901) of the field at fault, and why (in English). */
    public record Violation(String pointer, String reason) {

        @Override
        public String toString() {
            return pointer + ": " + reason;
        }
    }

    private BidFormSchema() {
    }

    /**
     * The rules {@code json} breaks, sorted by pointer; empty when it is a conforming bid form. Text that is not JSON
     * is one violation at the root pointer ({@code ""}).
     */
    public static List<Violation> violations(String json) {
        if (json == null) {
            return List.of(new Violation("", "no bid form"));
        }
        try {
            return SCHEMA.validate(json, InputFormat.JSON).stream().map(BidFormSchema::violation)
                    .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::reason)).toList();
        } catch (RuntimeException notJson) {
            return List.of(new Violation("", "not JSON"));
        }
    }

    private static Violation violation(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        // "required" and "additionalProperties" are reported on the object; the pointer names the member itself
        if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            pointer = pointer + "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
        }
        String message = m.getMessage();
        String location = m.getInstanceLocation().toString();
        if (message.startsWith(location + ": ")) {
            message = message.substring(location.length() + 2);
        }
        return new Violation(pointer, message);
    }

    private static JsonSchema load() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
                .locale(Locale.ENGLISH).build();
        try (InputStream in = BidFormSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the published bid form schema is missing: " + RESOURCE);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
