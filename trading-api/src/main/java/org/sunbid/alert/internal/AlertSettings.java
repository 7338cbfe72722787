package org.sunbid.alert.internal;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.sunbid.alert.SignalKind;
import org.sunbid.alert.internal.engine.Thresholds;

/**
 * {@code sunbid.alerts.*}: the signal thresholds (docs/alerts.md). Unset values take {@link Thresholds#defaults()}.
 */
@ConfigurationProperties("sunbid.alerts")
record AlertSettings(Double textJaccard, Integer alertScore, Double progressionTolerance, Double underMaximumShare,
        Long pdfTimeWindowSeconds, Set<String> ignoredIps, Map<SignalKind, Integer> weights) {

    Thresholds thresholds() {
        Thresholds d = Thresholds.defaults();
        return new Thresholds(textJaccard == null ? d.textJaccard() : textJaccard, d.shingleLength(),
                d.minimumDistinctShingles(), d.minHashBands(), d.minHashRows(),
                progressionTolerance == null ? d.progressionTolerance() : progressionTolerance,
                underMaximumShare == null ? d.underMaximumShare() : underMaximumShare, d.underMaximumMinimumBids(),
                pdfTimeWindowSeconds == null ? d.pdfTimeWindow() : new Thresholds.Duration(pdfTimeWindowSeconds),
                d.rotationMinimumLots(), alertScore == null ? d.alertScore() : alertScore,
                ignoredIps == null ? d.ignoredIps() : ignoredIps, weights == null ? Map.of() : weights);
    }
}
