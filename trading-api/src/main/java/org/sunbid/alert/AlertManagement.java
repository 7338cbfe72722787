package org.sunbid.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunbid.alert.internal.Alert;
import org.sunbid.alert.internal.AlertEngine;
import org.sunbid.alert.internal.Alerts;
import org.sunbid.alert.internal.EvidencePack;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;

/**
 * Collusion alerts: the signals of every opened lot (computed after the opening, again on demand), shown to
 * regulators and the lot's committee only, and the regulator's handling (open → investigating → confirmed or
 * dismissed, with reasons and documents); a confirmation records bad credit for the bidders it names.
 */
@Service
public class AlertManagement {

    public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
    static final String LEGAL_BASIS = "《中华人民共和国招标投标法实施条例》第三十九条、第四十条、第六十七条";

    private final AlertEngine engine;
    private final Alerts alerts;
    private final CommitteeSeats committee;
    private final MemberManagement members;
    private final CreditManagement credit;
    private final EvidencePack packs;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AlertManagement(AlertEngine engine, Alerts alerts, CommitteeSeats committee, MemberManagement members,
            CreditManagement credit, EvidencePack packs, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.engine = engine;
        this.alerts = alerts;
        this.committee = committee;
        this.members = members;
        this.credit = credit;
        this.packs = packs;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The platform computes a lot's signals (after its opening); raises or updates its alert. Files are read outside any transaction. */
    public Optional<AlertView> assess(LotId lot) {
        UUID lotId = lot.value();
        Optional<AlertEngine.Result> result = engine.run(lotId);
        if (result.isEmpty()) {
            return Optional.empty();
        }
        AlertEngine.Result r = result.get();
        Instant now = clock.instant();
        UUID alertId = tx.execute(status -> {
            alerts.saveAssessment(lotId, r.projectId(), r.assessment().score(), r.assessment().signals(), now);
            events.publishEvent(new AlertEvents.LotSignalsComputed(lotId, r.assessment().signals().size(),
                    r.assessment().score(), r.assessment().alert(), now));
            Optional<Alert> existing = alerts.lockOfLot(lotId);
            if (existing.isPresent()) {
                Alert a = existing.get();
                if (!a.state().closed()) {
                    a.reassessed(r.assessment().signals(), r.assessment().score(), now);
                    alerts.save(a);
                }
                return a.id();
            }
            if (!r.assessment().alert()) {
                return null;
            }
            Alert a = Alert.raise(lotId, r.projectId(), r.assessment().signals(), r.assessment().score(), now);
            alerts.save(a);
            events.publishEvent(new AlertEvents.AlertRaised(a.id(), lotId, a.score(), now));
            return a.id();
        });
        return Optional.ofNullable(alertId).flatMap(alerts::find).map(this::view);
    }

    /** A regulator re-runs the signals of an opened lot. */
    public Optional<AlertView> reassess(CurrentUser regulator, LotId lot) {
        requireRegulator(regulator);
        if (!engine.opened(lot.value())) {
            throw ProblemException.notFound("opened lot", lot.value());
        }
        return assess(lot);
    }

    /** Alerts the caller may see, highest score first: all for regulators, the lot's own for a seated committee member. */
    public List<AlertView> list(CurrentUser user) {
        if (user.is(Role.REGULATOR)) {
            return alerts.list(null, 500).stream().map(this::view).toList();
        }
        if (user.is(Role.EXPERT)) {
            return alerts.list(null, 500).stream().filter(a -> seated(user, a)).map(this::view).toList();
        }
        throw ProblemException.forbidden("alert.forbidden");
    }

    public AlertView view(CurrentUser user, AlertId alertId) {
        return view(visible(user, alertId.value()));
    }

    /** The latest signals of a lot even below the alert score (regulators only). */
    public List<Signal> signalsOf(CurrentUser regulator, LotId lot) {
        UUID lotId = lot.value();
        requireRegulator(regulator);
        return alerts.assessment(lotId).map(Alerts.Assessment::signals)
                .orElseThrow(() -> ProblemException.notFound("assessment", lotId));
    }

    public AlertView investigate(CurrentUser regulator, AlertId alertId, String reason, List<String> documents) {
        return move(regulator, alertId, reason, documents, (a, by, docs, at) -> {
            a.investigate(by, reason, docs, at);
            return new AlertEvents.AlertInvestigationStarted(a.id(), a.lotId(), by, sha256(reason), at);
        });
    }

    public AlertView dismiss(CurrentUser regulator, AlertId alertId, String reason, List<String> documents) {
        return move(regulator, alertId, reason, documents, (a, by, docs, at) -> {
            a.dismiss(by, reason, docs, at);
            return new AlertEvents.AlertDismissed(a.id(), a.lotId(), by, sha256(reason), at);
        });
    }

    /**
     * Confirms collusion by the named bidders (each must be linked by a signal of the alert) and records a bad
     * credit record for each, with the signed evidence pack as the decision document.
     */
    public AlertView confirm(CurrentUser regulator, AlertId alertId, String reason, List<String> documents,
            List<MemberId> named, CreditRecord.Severity severity) {
        List<UUID> bidders = named == null ? null : named.stream().map(MemberId::value).toList();
        if (bidders == null || bidders.isEmpty()) {
            throw ProblemException.invalid("bidders", "alert.bidders.required");
        }
        return move(regulator, alertId, reason, documents, (a, by, docs, at) -> {
            Set<UUID> linked = new java.util.HashSet<>();
            a.signals().forEach(s -> linked.addAll(s.bidders()));
            if (!linked.containsAll(bidders)) {
                throw ProblemException.invalid("bidders", "alert.bidders.not-linked");
            }
            a.confirm(by, reason, docs, at);
            LocalDate today = LocalDate.ofInstant(at, PlatformZone.ZONE);
            byte[] pack = packs.render(view(a), names(a));
            for (UUID bidder : bidders) {
                credit.addRecord(new CreditManagement.NewRecord(bidder, CreditRecord.Kind.BAD,
                        severity == null ? CreditRecord.Severity.SERIOUS : severity,
                        "串通投标（围标串标预警 " + a.id() + " 经核实）：" + reason, LEGAL_BASIS, "行政监督部门", today, today,
                        null, new CreditManagement.Document("alert-" + a.id() + ".pdf", "application/pdf", pack)), new AccountId(by));
            }
            return new AlertEvents.AlertConfirmed(a.id(), a.lotId(), by, List.copyOf(bidders), sha256(reason), at);
        });
    }

    /** Adds a document (an inquiry record, a statement) to an alert under investigation or still open; returns its SHA-256. */
    public String addDocument(CurrentUser regulator, AlertId alert, String filename, String mediaType, byte[] content) {
        requireRegulator(regulator);
        if (content == null || content.length == 0 || content.length > MAX_DOCUMENT_BYTES) {
            throw ProblemException.invalid("content", "alert.document.size", MAX_DOCUMENT_BYTES);
        }
        if (filename == null || filename.isBlank() || filename.length() > 200) {
            throw ProblemException.invalid("filename", "alert.document.filename");
        }
        Instant now = clock.instant();
        String sha = sha256(content);
        UUID alertId = alert.value();
        return tx.execute(status -> {
            Alert a = alerts.lock(alertId).orElseThrow(() -> ProblemException.notFound("alert", alertId));
            if (a.state().closed()) {
                throw ProblemException.rule("alert-closed", "state", "alert.closed", a.state());
            }
            if (alerts.addDocument(alertId, new Alerts.Document(sha, filename.strip(),
                    mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip(), content,
                    regulator.accountId(), now))) {
                events.publishEvent(new AlertEvents.AlertDocumentAdded(alertId, a.lotId(), regulator.accountId(), sha, now));
            }
            return sha;
        });
    }

    public List<Alerts.Document> documents(CurrentUser regulator, AlertId alertId) {
        requireRegulator(regulator);
        alerts.find(alertId.value()).orElseThrow(() -> ProblemException.notFound("alert", alertId.value()));
        return alerts.documents(alertId.value());
    }

    /** The evidence pack of an alert: a PDF signed by the platform (PAdES with timestamp). */
    public byte[] evidencePack(CurrentUser user, AlertId alertId) {
        Alert a = visible(user, alertId.value());
        return packs.render(view(a), names(a));
    }

    @FunctionalInterface
    private interface Transition {
        Record apply(Alert alert, UUID by, List<String> documents, Instant at);
    }

    private AlertView move(CurrentUser regulator, AlertId alert, String reason, List<String> documents, Transition t) {
        requireRegulator(regulator);
        if (reason == null || reason.isBlank() || reason.length() > 4000) {
            throw ProblemException.invalid("reason", "alert.reason.required");
        }
        List<String> docs = documents == null ? List.of() : documents;
        UUID alertId = alert.value();
        Instant now = clock.instant();
        return tx.execute(status -> {
            Alert a = alerts.lock(alertId).orElseThrow(() -> ProblemException.notFound("alert", alertId));
            Set<String> stored = new java.util.HashSet<>();
            alerts.documents(alertId).forEach(d -> stored.add(d.sha256()));
            if (!stored.containsAll(docs)) {
                throw ProblemException.invalid("documents", "alert.document.unknown");
            }
            Record event;
            try {
                event = t.apply(a, regulator.accountId(), docs, now);
            } catch (IllegalStateException e) {
                throw ProblemException.conflict("alert-state", "state", "alert.state.illegal", a.state());
            }
            alerts.save(a);
            events.publishEvent(event);
            return view(a);
        });
    }

    private Alert visible(CurrentUser user, UUID alertId) {
        Alert a = alerts.find(alertId).orElseThrow(() -> ProblemException.notFound("alert", alertId));
        if (user.is(Role.REGULATOR) || (user.is(Role.EXPERT) && seated(user, a))) {
            return a;
        }
        if (user.is(Role.EXPERT)) {
            throw ProblemException.notFound("alert", alertId);
        }
        throw ProblemException.forbidden("alert.forbidden");
    }

    private boolean seated(CurrentUser user, Alert a) {
        return user.memberId().map(m -> committee.seated(new LotId(a.lotId()), new MemberId(m))).orElse(false);
    }

    private static void requireRegulator(CurrentUser user) {
        if (!user.is(Role.REGULATOR)) {
            throw ProblemException.forbidden("alert.forbidden");
        }
    }

    private Map<UUID, String> names(Alert a) {
        Map<UUID, String> names = new HashMap<>();
        a.signals().forEach(s -> s.bidders().forEach(b -> names.computeIfAbsent(b,
                m -> members.find(MemberId.of(m)).map(MemberViews.MemberDetails::name).orElse(m.toString()))));
        return names;
    }

    private AlertView view(Alert a) {
        Map<UUID, String> names = names(a);
        EvidencePack.LotNames lot = packs.lotNames(a.projectId(), a.lotId());
        List<AlertView.SignalView> signals = new ArrayList<>();
        for (Signal s : a.signals()) {
            signals.add(new AlertView.SignalView(s.kind(), s.kind().label(), s.bidders(),
                    s.bidders().stream().map(names::get).toList(), s.evidence(), s.weight()));
        }
        List<AlertView.StepView> steps = a.steps().stream().map(st -> new AlertView.StepView(st.from(), st.to(),
                packs.accountName(st.by()), st.reason(), st.documents(), st.at())).toList();
        List<AlertView.PriceView> prices = engine.prices(a.lotId()).stream().map(p -> new AlertView.PriceView(p.getKey(),
                names.computeIfAbsent(p.getKey(), m -> members.find(MemberId.of(m)).map(MemberViews.MemberDetails::name)
                        .orElse(m.toString())), p.getValue())).toList();
        return new AlertView(a.id(), a.projectId(), lot.transactionCode(), lot.projectName(), a.lotId(), lot.lotName(),
                a.score(), a.state(), a.raisedAt(), a.assessedAt(), signals, steps, prices);
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
