package org.sunbid.platform.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The name of one of {@link #value()}'s constants, in any case and with surrounding blanks (as a form may send
 * {@code senior} for {@code SENIOR}). {@code null} and blank are valid (use {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = EnumName.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumName {

    Class<? extends Enum<?>> value();

    String message() default "{validation.enum-name}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link EnumName}. */
    final class Validator implements ConstraintValidator<EnumName, String> {

        private String[] names;

        @Override
        public void initialize(EnumName constraint) {
            names = Arrays.stream(constraint.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            String name = value.strip().toUpperCase(Locale.ROOT);
            return Arrays.asList(names).contains(name);
        }
    }
}
