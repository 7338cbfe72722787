package org.sunbid.signing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

class SigningArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sunbid.signing");

    @Test
    void signingIsFreeOfSpring() {
        noClasses().that().resideInAPackage("org.sunbid.signing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..")
                .check(CLASSES);
    }

    @Test
    void publicApiExposesNoBouncyCastleTypes() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("org.sunbid.signing.internal..")
                .should(new ArchCondition<JavaMethod>("not mention Bouncy Castle types in their signature") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (method.getOwner().getModifiers().contains(JavaModifier.PRIVATE)) {
                            return;
                        }
                        boolean leaks = method.getRawReturnType().getPackageName().startsWith("org.bouncycastle")
                                || method.getRawParameterTypes().stream().anyMatch(t -> t.getPackageName().startsWith("org.bouncycastle"));
                        if (leaks) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes a Bouncy Castle type"));
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("org.sunbid.signing.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }
}
