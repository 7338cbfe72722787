package org.sunbid.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The end of an evaluation session: ranked candidates, or every bid rejected (the lot fails, 否决所有投标). */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME)
@JsonSubTypes({ @JsonSubTypes.Type(EvaluationOutcome.Candidates.class),
        @JsonSubTypes.Type(EvaluationOutcome.AllRejected.class) })
public sealed interface EvaluationOutcome {

    /** Up to three ranked candidates, and every compliant bid as assessed. */
    record Candidates(List<BidAssessment> ranked, List<BidAssessment> assessed) implements EvaluationOutcome {
        public Candidates {
            ranked = List.copyOf(ranked);
            assessed = List.copyOf(assessed);
        }
    }

    /** No bid passed compliance review. */
    record AllRejected(String reason) implements EvaluationOutcome {
    }
}
