package org.sunbid.platform.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every JSON string the API reads passes {@link TextRules}: a NUL or a right-to-left override in any field of any
 * request body is a 400 naming that field, before a controller or the database sees it. Registered once for the
 * whole application (Spring Boot adds every Jackson module bean to the mapper MVC uses).
 */
@Component
class SafeTextModule extends SimpleModule {

    SafeTextModule() {
        super("sunbid-safe-text");
        addDeserializer(String.class, new SafeStringDeserializer());
    }

    /** Thrown inside body parsing; ProblemHandling turns it into the {@code unsafe-text} problem. */
    static final class UnsafeTextException extends InvalidFormatException {

        private final transient TextRules.Violation violation;

        UnsafeTextException(JsonParser parser, TextRules.Violation violation, String value) {
            super(parser, violation.reason() + " " + violation.codePointLabel(), value, String.class);
            this.violation = violation;
        }

        TextRules.Violation violation() {
            return violation;
        }
    }

    static final class SafeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            TextRules.Violation violation = TextRules.checkText(value);
            if (violation != null) {
                throw new UnsafeTextException(p, violation, value);
            }
            return value;
        }
    }
}
