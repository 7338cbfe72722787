package org.sunbid.deposit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stage's filter of repeated bank references: every new reference is new, every repeat is caught. */
class SeenReferencesTests {

    @Test
    void aHundredThousandReferencesAreNewOnceAndRepeatsAreCaughtAcrossTheTablesGrowth() {
        StatementStage.SeenReferences seen = new StatementStage.SeenReferences();
        int collisions = 0;
        for (int i = 0; i < 100_000; i++) {
            collisions += seen.add("CCB20261203-" + i) ? 0 : 1;
        }
        assertThat(collisions).as("64-bit hashes of distinct references").isZero();
        for (int i = 0; i < 100_000; i += 997) {
            assertThat(seen.add("CCB20261203-" + i)).as("repeat " + i).isFalse();
        }
        assertThat(seen.add("CCB20261203-100000")).isTrue();
        assertThat(StatementStage.SeenReferences.hash("")).isNotZero();
    }
}
