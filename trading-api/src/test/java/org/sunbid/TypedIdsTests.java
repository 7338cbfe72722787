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
 * Every feature's services speak in typed ids ({@code ProjectId}, {@code LotId}, {@code MemberId}, {@code BidId},
 * {@code NoticeId}, …): no public method of a public class or interface at a feature's root ({@code org.sunbid.<feature>})
 * takes or returns a raw {@link UUID}, generics included ({@code Optional<UUID>}, {@code List<UUID>}). Records and enums
 * at the root are values, views and events (their JSON stays as it is), so they are not checked; controllers under
 * {@code web/} unwrap and wrap at the HTTP edge; repositories under {@code internal/} may take UUIDs. The ids several
 * features share live in {@code org.sunbid.platform.id}; the others with the feature that owns them.
 */
class TypedIdsTests {

    /** Packages under {@code org.sunbid} that are not features: the scripted demo is not product code. */
    static final List<String> NOT_FEATURES = List.of("org.sunbid.demo");

    /**
     * Features whose root API still takes raw UUIDs somewhere, each with what is left. Remove an entry once its
     * feature is converted; never add one for a new feature.
     */
    static final List<String> PENDING = List.of();

    /**
     * Ports at a converted feature's root that still pass a raw UUID (a regular expression of their names; none left).
     * Same rule as {@link #PENDING}.
     */
    static final String PENDING_PORTS = "";

    @Test
    void everyFeatureTakesAndReturnsNoRawUuid() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sunbid");
        String[] skipped = Stream.concat(NOT_FEATURES.stream(), PENDING.stream()).toArray(String[]::new);
        methods().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("org.sunbid.*")
                .and().areDeclaredInClassesThat().resideOutsideOfPackages(skipped)
                .and().areDeclaredInClassesThat().haveNameNotMatching(PENDING_PORTS)
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
