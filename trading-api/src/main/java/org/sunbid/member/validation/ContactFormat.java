package org.sunbid.member.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A contact detail as the registry accepts it, checked in plain Java (one pass, however long the text) rather than by
 * a regular expression, so a long hostile value costs nothing and the OpenAPI document carries no engine-specific
 * pattern. Surrounding blanks are tolerated; {@code null} and blank are valid (use {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = ContactFormat.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ContactFormat {

    Kind value();

    /** Empty: the kind's own message ({@link Kind#message}). */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        /** A telephone number: 5 to 30 of digits, {@code + - ( )} and spaces. */
        PHONE("{member.phone.format}"),
        /** An e-mail address: one {@code @}, something before it, a dot inside the domain, no blanks. */
        EMAIL("{member.email.format}"),
        /** A bank account number: 8 to 32 digits, optionally grouped by spaces or dashes. */
        BANK_ACCOUNT("{member.bank.account-format}");

        private final String message;

        Kind(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Checks {@link ContactFormat}. */
    final class Validator implements ConstraintValidator<ContactFormat, String> {

        private Kind kind;
        private String message;

        @Override
        public void initialize(ContactFormat constraint) {
            kind = constraint.value();
            message = constraint.message().isEmpty() ? kind.message() : constraint.message();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || accepts(kind, value.strip())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }

        /** Whether {@code v} (already stripped) is a well-formed value of {@code kind}. */
        public static boolean accepts(Kind kind, String v) {
            return switch (kind) {
                case PHONE -> v.length() >= 5 && v.length() <= 30 && v.chars().allMatch(c -> "0123456789+-() ".indexOf(c) >= 0);
                case EMAIL -> email(v);
                case BANK_ACCOUNT -> {
                    String digits = v.replace(" ", "").replace("-", "");
                    yield digits.length() >= 8 && digits.length() <= 32 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
                }
            };
        }

        private static boolean email(String v) {
            int at = v.indexOf('@');
            if (at < 1 || v.indexOf('@', at + 1) >= 0 || v.chars().anyMatch(Character::isWhitespace)) {
                return false;
            }
            String domain = v.substring(at + 1);
            return domain.length() >= 3 && domain.substring(1, domain.length() - 1).indexOf('.') >= 0;
        }
    }
}
