package org.sunbid.alert.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sunbid.alert.AlertState;
import org.sunbid.alert.Signal;

/**
 * A collusion alert on one lot (围标串标预警): the lot's signals and score, and the regulator's handling of it. The
 * alert is information, not a verdict: only a regulator's confirmation, with reasons, makes it a case.
 */
public final class Alert {

    /** One step of the handling: who moved the alert from one state to another, why, and with which documents. */
    public record Step(AlertState from, AlertState to, UUID by, String reason, List<String> documents, Instant at) {
        public Step {
            documents = List.copyOf(documents);
        }
    }

    private final UUID id;
    private final UUID lotId;
    private final UUID projectId;
    private final Instant raisedAt;
    private List<Signal> signals;
    private int score;
    private Instant assessedAt;
    private AlertState state;
    private final List<Step> steps;

    public Alert(UUID id, UUID lotId, UUID projectId, Instant raisedAt, List<Signal> signals, int score,
            Instant assessedAt, AlertState state, List<Step> steps) {
        this.id = Objects.requireNonNull(id);
        this.lotId = Objects.requireNonNull(lotId);
        this.projectId = Objects.requireNonNull(projectId);
        this.raisedAt = raisedAt;
        this.signals = List.copyOf(signals);
        this.score = score;
        this.assessedAt = assessedAt;
        this.state = state;
        this.steps = new ArrayList<>(steps);
    }

    public static Alert raise(UUID lotId, UUID projectId, List<Signal> signals, int score, Instant at) {
        return new Alert(UUID.randomUUID(), lotId, projectId, at, signals, score, at, AlertState.OPEN, List.of());
    }

    /** A re-run on demand replaces the signals while the case is not decided; a decided case keeps its evidence. */
    public void reassessed(List<Signal> newSignals, int newScore, Instant at) {
        if (state.closed()) {
            throw new IllegalStateException("Alert %s is %s; its evidence is kept as decided".formatted(id, state));
        }
        this.signals = List.copyOf(newSignals);
        this.score = newScore;
        this.assessedAt = at;
    }

    public Step investigate(UUID by, String reason, List<String> documents, Instant at) {
        return move(AlertState.OPEN, AlertState.INVESTIGATING, by, reason, documents, at);
    }

    public Step confirm(UUID by, String reason, List<String> documents, Instant at) {
        return move(AlertState.INVESTIGATING, AlertState.CONFIRMED, by, reason, documents, at);
    }

    public Step dismiss(UUID by, String reason, List<String> documents, Instant at) {
        return move(AlertState.INVESTIGATING, AlertState.DISMISSED, by, reason, documents, at);
    }

    private Step move(AlertState from, AlertState to, UUID by, String reason, List<String> documents, Instant at) {
        if (state != from) {
            throw new IllegalStateException("Alert %s is %s, not %s".formatted(id, state, from));
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        Step step = new Step(from, to, Objects.requireNonNull(by), reason.strip(), documents, at);
        steps.add(step);
        state = to;
        return step;
    }

    public UUID id() {
        return id;
    }

    public UUID lotId() {
        return lotId;
    }

    public UUID projectId() {
        return projectId;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public List<Signal> signals() {
        return signals;
    }

    public int score() {
        return score;
    }

    public Instant assessedAt() {
        return assessedAt;
    }

    public AlertState state() {
        return state;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }
}
