package org.sunbid.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SingleLineTests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    record Form(@SingleLine String name) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "北京市海淀区教育委员会", "Robert'); DROP TABLE member;--", "  spaced  ", "" })
    void acceptsOneLineWhateverItsCharacters(String name) {
        assertThat(VALIDATOR.validate(new Form(name))).isEmpty();
        assertThat(VALIDATOR.validate(new Form(null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "换行\n公司", "回车\r", "制表\t符", "响铃\u0007", "C1\u0085控制", "行\u2028分隔", "段\u2029分隔" })
    void refusesLineBreaksTabsAndControlCharacters(String name) {
        assertThat(VALIDATOR.validate(new Form(name))).singleElement()
                .satisfies(v -> assertThat(v.getMessageTemplate()).isEqualTo("{validation.single-line}"));
    }
}
