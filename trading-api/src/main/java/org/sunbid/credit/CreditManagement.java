package org.sunbid.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.credit.internal.CreditStore;
import org.sunbid.identity.AccountId;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * Credit records, bans and the credit check. Regulators create, correct (a new record referring to the old) and
 * revoke records and bans; members read their own records and ask for corrections. Every change is an event.
 */
@Service
@Transactional
public class CreditManagement implements CreditCheck {

    /** Days are counted in the centre's time zone. */
    public static final ZoneId ZONE = org.sunbid.platform.PlatformZone.ZONE;
    /** How long a bad record stays on the public list. */
    public static final int PUBLICATION_MONTHS = 6;
    public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
    /** Longest texts, in characters: the request records' constraints and the commands' invariants read these. */
    public static final int DESCRIPTION_MAX = 4000;
    public static final int LEGAL_BASIS_MAX = 2000;
    public static final int AUTHORITY_MAX = 200;
    public static final int REASON_MAX = 4000;
    public static final int REVOCATION_REASON_MAX = 2000;
    /** A unified social credit code or resident ID number as a ban names it (any case, blanks around tolerated). */
    public static final String PARTY_CODE = "\\s*[0-9A-Za-z]{18}\\s*";

    private final CreditStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditManagement(CreditStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** A decision document as uploaded. */
    public record Document(String filename, String mediaType, byte[] content) {
        public Document {
            if (content == null || content.length == 0) {
                throw ProblemException.invalid("decisionDocument", "credit.document.empty");
            }
            if (content.length > MAX_DOCUMENT_BYTES) {
                throw ProblemException.invalid("decisionDocument", "credit.document.too-large");
            }
            filename = filename == null || filename.isBlank() ? "decision" : filename.strip();
            if (filename.length() > 200) {
                filename = filename.substring(0, 200);
            }
            mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType.strip();
        }
    }

    /** What a regulator records. Severity is required for bad records and absent for good ones. */
    public record NewRecord(UUID memberId, CreditRecord.Kind kind, CreditRecord.Severity severity, String description,
            String legalBasis, String authority, LocalDate decidedOn, LocalDate effectiveFrom, LocalDate effectiveTo,
            Document decision) {

        public NewRecord {
            require(memberId, "memberId");
            require(kind, "kind");
            if (kind == CreditRecord.Kind.BAD && severity == null) {
                throw ProblemException.invalid("severity", "credit.record.severity-required");
            }
            if (kind == CreditRecord.Kind.GOOD && severity != null) {
                throw ProblemException.invalid("severity", "credit.record.severity-good");
            }
            description = text(description, "description", DESCRIPTION_MAX);
            legalBasis = text(legalBasis, "legalBasis", LEGAL_BASIS_MAX);
            authority = text(authority, "authority", AUTHORITY_MAX);
            require(decidedOn, "decidedOn");
            require(effectiveFrom, "effectiveFrom");
            require(decision, "decisionDocument");
            if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw ProblemException.invalid("effectiveTo", "credit.dates.end-before-start");
            }
        }
    }

    /**
     * A ban as decided. The party is a member id, a unified social credit code / ID number, or both (at least one).
     * {@code endsOn} is the first day the party may take part again.
     */
    public record NewBan(UUID memberId, String partyCode, BanKind kind, BanScope scope, String reason, String legalBasis,
            String authority, LocalDate startsOn, LocalDate endsOn, Document decision) {

        public NewBan {
            partyCode = partyCode == null || partyCode.isBlank() ? null : partyCode.strip().toUpperCase(java.util.Locale.ROOT);
            if (memberId == null && partyCode == null) {
                throw ProblemException.invalid("memberId", "credit.ban.party-required");
            }
            if (partyCode != null && !partyCode.matches("[0-9A-Z]{18}")) {
                throw ProblemException.invalid("partyCode", "credit.ban.party-code");
            }
            require(kind, "kind");
            require(scope, "scope");
            reason = text(reason, "reason", REASON_MAX);
            legalBasis = text(legalBasis, "legalBasis", LEGAL_BASIS_MAX);
            authority = text(authority, "authority", AUTHORITY_MAX);
            require(startsOn, "startsOn");
            require(endsOn, "endsOn");
            require(decision, "decisionDocument");
            if (!endsOn.isAfter(startsOn)) {
                throw ProblemException.invalid("endsOn", "credit.dates.end-before-start");
            }
        }
    }

    static void require(Object value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, "credit.field.required");
        }
    }

    static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "credit.field.required");
        }
        if (value.length() > max) {
            throw ProblemException.invalid(field, "credit.field.too-long", max);
        }
        return value.strip();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public CreditRecord addRecord(NewRecord r, AccountId actor) {
        UUID by = AccountId.uuidOrNull(actor);
        CreditRecord created = insertRecord(r, null, by);
        events.publishEvent(new CreditEvents.CreditRecordAdded(created.memberId(), created.id(), created.kind(),
                created.decisionSha256(), by));
        return created;
    }

    private CreditRecord insertRecord(NewRecord r, UUID corrects, UUID by) {
        Instant now = clock.instant();
        if (r.decidedOn().isAfter(LocalDate.ofInstant(now, ZONE))) {
            throw ProblemException.invalid("decidedOn", "credit.dates.future-decision");
        }
        String sha = store.storeDocument(r.decision().content(), r.decision().filename(), r.decision().mediaType(), now);
        LocalDate publishedUntil = r.kind() == CreditRecord.Kind.BAD
                ? r.effectiveFrom().plusMonths(PUBLICATION_MONTHS) : null;
        CreditRecord record = new CreditRecord(UUID.randomUUID(), r.memberId(), r.kind(), r.severity(),
                r.description(), r.legalBasis(), sha, r.authority(), r.decidedOn(), r.effectiveFrom(),
                r.effectiveTo(), publishedUntil, corrects, null, null, null, now.truncatedTo(ChronoUnit.MICROS));
        store.insert(record, by);
        return record;
    }

    /** Replaces record {@code old} with a corrected one (same member); the old one stays, marked superseded. */
    public CreditRecord correctRecord(CreditRecordId oldId, NewRecord corrected, AccountId actor) {
        UUID old = oldId.value();
        UUID by = AccountId.uuidOrNull(actor);
        CreditRecord previous = store.record(old).orElseThrow(() -> ProblemException.notFound("credit-record", old));
        if (!previous.current()) {
            throw ProblemException.conflict("credit-record-not-current", "record", "credit.record.not-current", old);
        }
        if (!previous.memberId().equals(corrected.memberId())) {
            throw ProblemException.invalid("memberId", "credit.record.other-member");
        }
        CreditRecord created = insertRecord(corrected, old, by);
        if (!store.supersede(old, created.id())) {
            throw ProblemException.conflict("credit-record-not-current", "record", "credit.record.not-current", old);
        }
        events.publishEvent(new CreditEvents.CreditRecordCorrected(created.memberId(), created.id(), old, by));
        return created;
    }

    public CreditRecord revokeRecord(CreditRecordId recordId, String reason, AccountId actor) {
        UUID id = recordId.value();
        UUID by = AccountId.uuidOrNull(actor);
        String why = text(reason, "reason", REVOCATION_REASON_MAX);
        CreditRecord record = store.record(id).orElseThrow(() -> ProblemException.notFound("credit-record", id));
        if (!store.revoke(id, by, why, clock.instant())) {
            throw ProblemException.conflict("credit-record-not-current", "record", "credit.record.not-current", id);
        }
        events.publishEvent(new CreditEvents.CreditRecordRevoked(record.memberId(), id, why, by));
        return store.record(id).orElseThrow();
    }

    /** A member disputes one of its own records; a record of another member is reported as not found. */
    public CorrectionRequestId requestCorrection(MemberId memberId, CreditRecordId disputed, String reason, AccountId actor) {
        UUID member = memberId.value();
        UUID recordId = disputed.value();
        UUID by = AccountId.uuidOrNull(actor);
        String why = text(reason, "reason", REASON_MAX);
        CreditRecord record = store.record(recordId).filter(r -> r.memberId().equals(member))
                .orElseThrow(() -> ProblemException.notFound("credit-record", recordId));
        UUID id = UUID.randomUUID();
        store.insertCorrectionRequest(id, record.id(), member, why, by, clock.instant());
        events.publishEvent(new CreditEvents.CorrectionRequested(member, id, record.id(), why, by));
        return new CorrectionRequestId(id);
    }

    @Transactional(readOnly = true)
    public List<CreditStore.CorrectionRequest> correctionRequests() {
        return store.correctionRequests();
    }

    public Ban imposeBan(NewBan b, AccountId actor) {
        UUID by = AccountId.uuidOrNull(actor);
        if (!b.kind().allows(b.startsOn(), b.endsOn())) {
            throw ProblemException.rule("ban-length", "endsOn", "credit.ban.length", b.kind().minYears(),
                    b.kind().maxYears());
        }
        store.lockBans();
        List<Ban> sameParty = new ArrayList<>();
        if (b.memberId() != null) {
            sameParty.addAll(store.bansOf(b.memberId()));
        }
        if (b.partyCode() != null) {
            sameParty.addAll(store.bansOfCode(b.partyCode()));
        }
        for (Ban existing : sameParty) {
            boolean datesOverlap = existing.startsOn().isBefore(b.endsOn()) && b.startsOn().isBefore(existing.endsOn());
            boolean scopesOverlap = existing.scope().covers(b.scope()) || b.scope().covers(existing.scope());
            if (existing.revokedAt() == null && datesOverlap && scopesOverlap) {
                throw ProblemException.conflict("ban-overlap", "startsOn", "credit.ban.overlap", existing.id(),
                        existing.startsOn(), existing.endsOn());
            }
        }
        Instant now = clock.instant();
        String sha = store.storeDocument(b.decision().content(), b.decision().filename(), b.decision().mediaType(), now);
        Ban ban = new Ban(UUID.randomUUID(), b.memberId(), b.partyCode(), b.kind(), b.scope(), b.reason(), b.legalBasis(),
                b.startsOn(), b.endsOn(), b.authority(), sha, now.truncatedTo(ChronoUnit.MICROS), null, null);
        store.insert(ban, by);
        events.publishEvent(new CreditEvents.BanImposed(ban.memberId(), ban.id(), ban.partyCode(), ban.kind(), ban.scope(),
                ban.startsOn(), ban.endsOn(), sha, by));
        return ban;
    }

    public Ban revokeBan(BanId banId, String reason, AccountId actor) {
        UUID id = banId.value();
        UUID by = AccountId.uuidOrNull(actor);
        String why = text(reason, "reason", REVOCATION_REASON_MAX);
        Ban ban = store.ban(id).orElseThrow(() -> ProblemException.notFound("ban", id));
        if (!store.revokeBan(id, by, why, clock.instant())) {
            throw ProblemException.conflict("ban-revoked", "ban", "credit.ban.already-revoked", id);
        }
        events.publishEvent(new CreditEvents.BanRevoked(ban.memberId(), id, why, by));
        return store.ban(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<CreditRecord> recordsOf(MemberId member) {
        return store.recordsOf(member.value());
    }

    @Transactional(readOnly = true)
    public List<Ban> bansOf(MemberId member) {
        return store.bansOf(member.value());
    }

    @Transactional(readOnly = true)
    public Optional<CreditStore.Document> document(String sha256Hex) {
        return store.document(sha256Hex);
    }

    /** Bans in force today, for the public blacklist page. */
    @Transactional(readOnly = true)
    public List<Ban> currentBans() {
        return store.bansInForce(today());
    }

    /** Bad records within their six-month publication period today, for the public page. */
    @Transactional(readOnly = true)
    public List<CreditRecord> publishedBadRecords() {
        return store.publishedBadRecords(today());
    }

    /** The score and how it was reached; see trading-api/README.md, section "Credit". */
    public record Score(UUID memberId, LocalDate on, int score, int goodRecords, int badRecords, boolean banned) {
    }

    @Transactional(readOnly = true)
    public Score score(MemberId member, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        return CreditScore.of(member, day, store.recordsOf(member.value()), store.bansOf(member.value()));
    }

    @Override
    @Transactional(readOnly = true)
    public Standing standing(MemberId memberId, BanScope scope, Instant at) {
        if (memberId == null || scope == null || at == null) {
            throw new IllegalArgumentException("member, scope and time are required");
        }
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        return judge(store.bansOf(memberId.value()), store.recordsOf(memberId.value()), scope, day);
    }

    @Override
    @Transactional(readOnly = true)
    public Standing standingOfCode(String partyCode, BanScope scope, Instant at) {
        if (partyCode == null || scope == null || at == null) {
            throw new IllegalArgumentException("code, scope and time are required");
        }
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        return judge(store.bansOfCode(partyCode.strip().toUpperCase(java.util.Locale.ROOT)), List.of(), scope, day);
    }

    private static Standing judge(List<Ban> bans, List<CreditRecord> records, BanScope scope, LocalDate day) {
        List<Ban> other = new ArrayList<>();
        for (Ban ban : bans) {
            if (ban.inForceOn(day)) {
                if (ban.scope().covers(scope)) {
                    return new Standing.Banned(ban);
                }
                other.add(ban);
            }
        }
        List<CreditRecord> published = records.stream().filter(r -> r.publishedOn(day)).toList();
        if (published.isEmpty() && other.isEmpty()) {
            return new Standing.Clear();
        }
        return new Standing.Warned(published, other);
    }
}
