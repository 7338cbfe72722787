package org.sunbid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's APIs; crypto library types stay in the signing module. */
class ModularityTests {

    /** The signing and scheduler libraries share the base package but are separate Maven modules, not features. */
    static final ApplicationModules MODULES = ApplicationModules.of(SunbidApplication.class,
            JavaClass.Predicates.resideInAnyPackage("org.sunbid.signing..", "org.sunbid.scheduler.."));

    @Test
    void featuresUseOnlyEachOthersPublicApi() {
        MODULES.verify();
    }

    @Test
    void bouncyCastleAndPdfBoxStayInsideTheSigningModule() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sunbid");
        noClasses().that().resideOutsideOfPackage("org.sunbid.signing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "org.apache.pdfbox..")
                .because("callers see Sunbid's own types (SealedFile, SignatureCheck, Receipt), never the crypto library's")
                .check(classes);
    }

    /**
     * A feature's public services return and take only public types: an {@code internal} type in a public signature
     * would tie the API to its own internals (a cycle) and hand callers types they may not use.
     */
    @Test
    void publicServicesExposeNoInternalTypes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sunbid.member", "org.sunbid.project", "org.sunbid.search");
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage("org.sunbid.member",
                "org.sunbid.project", "org.sunbid.search")
                .and().areDeclaredInClassesThat().haveModifier(JavaModifier.PUBLIC)
                .should(new ArchCondition<JavaMethod>("expose no internal type") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        java.util.stream.Stream.concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
                                method.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                                .filter(t -> t.getPackageName().contains(".internal"))
                                .forEach(t -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " exposes " + t.getName())));
                    }
                }).check(classes);
    }
}
