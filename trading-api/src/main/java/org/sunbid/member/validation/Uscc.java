package org.sunbid.member.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import org.sunbid.member.UnifiedSocialCreditCode;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the code alphabet, a region code in
 * characters 3 to 8 and the check character computed over the first seventeen. Surrounding blanks and lower case
 * are tolerated, as {@link UnifiedSocialCreditCode#parse} tolerates them. The rule itself is the value record's;
 * the violation's message is the record's reason. {@code null} and blank are valid (use {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = Uscc.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Uscc {

    String message() default "{member.uscc.check-character}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link Uscc} with {@link UnifiedSocialCreditCode#parse}. */
    final class Validator extends ValueRecordValidator<Uscc> {

        public Validator() {
            super(UnifiedSocialCreditCode::parse);
        }
    }
}
