package org.sunbid.member.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import org.sunbid.member.ResidentIdNumber;

/**
 * An 18-digit resident identity number (居民身份证号码, GB 11643-1999): a real birth date and the ISO 7064 MOD 11-2 check
 * digit (0–9 or X). Surrounding blanks and lower case are tolerated, as {@link ResidentIdNumber#parse} tolerates
 * them. The rule itself is the value record's; the violation's message is the record's reason. {@code null} and
 * blank are valid (use {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = ResidentId.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentId {

    String message() default "{member.id-number.check-digit}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link ResidentId} with {@link ResidentIdNumber#parse}. */
    final class Validator extends ValueRecordValidator<ResidentId> {

        public Validator() {
            super(ResidentIdNumber::parse);
        }
    }
}
