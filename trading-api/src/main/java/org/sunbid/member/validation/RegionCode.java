package org.sunbid.member.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A six-digit administrative division code (GB/T 2260) whose province is in the registry's region table
 * (regions.tsv, served at GET /api/public/regions). Surrounding blanks are tolerated, as
 * {@link org.sunbid.member.RegionCode#parse} tolerates them. The rule itself is the value record's; the violation's
 * message is the record's reason. {@code null} and blank are valid (use {@code @NotBlank}).
 */
@Documented
@Constraint(validatedBy = RegionCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RegionCode {

    String message() default "{member.region.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link RegionCode} with {@link org.sunbid.member.RegionCode#parse RegionCode.parse}. */
    final class Validator extends ValueRecordValidator<RegionCode> {

        public Validator() {
            super(org.sunbid.member.RegionCode::parse);
        }
    }
}
