package org.sunbid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A converted feature's services speak in typed ids ({@code ProjectId}, {@code LotId}, {@code MemberId},
 * {@code BidId}, …): no public method of a public service class at the feature's root takes or returns a raw
 * {@link UUID}, generics included ({@code Optional<UUID>}, {@code List<UUID>}). Records and enums at the root are
 * values and views (their JSON stays as it is), so they are not checked; controllers under {@code web/} unwrap and
 * wrap at the HTTP edge.
 */
class TypedIdsTests {

    /** Features whose root API is converted; add a feature here when its services are. */
    static final List<String> CONVERTED = List.of("bid", "member", "project");

    @Test
    void convertedFeaturesTakeAndReturnNoRawUuid() {
        String[] packages = CONVERTED.stream().map(p -> "org.sunbid." + p).toArray(String[]::new);
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAnyPackage(packages)
                .and().areDeclaredInClassesThat().haveModifier(JavaModifier.PUBLIC)
                .and().areDeclaredInClassesThat().areNotRecords()
                .and().areDeclaredInClassesThat().areNotEnums()
                .should(new ArchCondition<JavaMethod>("take and return no raw UUID") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Stream.concat(method.getReturnType().getAllInvolvedRawTypes().stream(),
                                method.getParameterTypes().stream().flatMap(t -> t.getAllInvolvedRawTypes().stream()))
                                .filter(t -> t.isEquivalentTo(UUID.class))
                                .findFirst()
                                .ifPresent(t -> events.add(SimpleConditionEvent.violated(method,
                                        method.getFullName() + " takes or returns a raw UUID")));
                    }
                }).check(classes);
    }
}
