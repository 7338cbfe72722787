package org.sunbid.member.validation;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** Plain Bean Validation (no Spring): the message templates of the violations of one object, by property path. */
final class ConstraintCheck {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private ConstraintCheck() {
    }

    static Validator validator() {
        return FACTORY.getValidator();
    }

    /** {@code path=template} of each violation, sorted; empty when the object is valid. */
    static List<String> violations(Object bean) {
        return validator().validate(bean).stream()
                .map(v -> v.getPropertyPath() + "=" + v.getMessageTemplate()).sorted().toList();
    }
}
