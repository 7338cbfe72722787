package org.sunbid.member.validation;

import java.lang.annotation.Annotation;
import java.util.function.Function;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.sunbid.member.InvalidValueException;

/**
 * Validates a string by parsing it into the member value record that owns the rule, so the rule is written once (in
 * the record) and the violation names the record's own reason ({@code member.uscc.check-character}, …). Blank is
 * valid here: whether the field is required is {@code @NotBlank}'s business.
 */
abstract class ValueRecordValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    private final Function<String, ?> parser;

    ValueRecordValidator(Function<String, ?> parser) {
        this.parser = parser;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            parser.apply(value);
            return true;
        } catch (InvalidValueException e) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{" + e.key() + "}").addConstraintViolation();
            return false;
        }
    }
}
