package org.sunbid.bid;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidStore;
import org.sunbid.bid.internal.Completions;
import org.sunbid.bid.internal.Lots;
import org.sunbid.bid.internal.OpeningProgress;
import org.sunbid.bid.internal.ReleasedShares;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.Visibility;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.notice.NoticeDraft;
import org.sunbid.notice.NoticeKind;
import org.sunbid.notice.NoticeManagement;
import org.sunbid.project.ProjectView;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ShareException;
import org.sunbid.signing.threshold.ThresholdKeys;

/**
 * 开标: at the opening time the session starts; custodians release their shares (signed); with k shares the opening
 * key is rebuilt in memory only and every bid is opened — decrypted, its inner signature checked against the bidder's
 * registered certificate, its hash compared with the receipt, its bid form read — and the signed opening record is
 * issued. Fewer than three bids: the lot fails (流标) and nothing is opened.
 */
@Service
@Transactional
public class OpeningManagement {

    static final int MINIMUM_BIDS = 3;
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");
    private static final int MAX_OBJECTION = 4000;

    private final BidStore store;
    private final Lots lots;
    private final ReleasedShares released;
    private final OpeningProgress progress;
    private final BidManagement bids;
    private final DocumentManagement documents;
    private final AccountManagement accounts;
    private final PlatformProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NoticeManagement notices;
    private final Duration selfDecryptWindow;
    private final Duration objectionWindow;
    private final Completions completions;

    OpeningManagement(BidStore store, Lots lots, ReleasedShares released, OpeningProgress progress, BidManagement bids,
            DocumentManagement documents, AccountManagement accounts, PlatformProperties properties,
            ApplicationEventPublisher events, Clock clock, NoticeManagement notices,
            @Value("${sunbid.opening.self-decrypt-window:PT30M}") Duration selfDecryptWindow,
            @Value("${sunbid.opening.objection-window:PT30M}") Duration objectionWindow, Completions completions) {
        this.completions = completions;
        if (selfDecryptWindow.isNegative() || selfDecryptWindow.isZero() || objectionWindow.isNegative()
                || objectionWindow.isZero()) {
            throw new IllegalArgumentException("sunbid.opening.self-decrypt-window and objection-window must be positive");
        }
        this.notices = notices;
        this.store = store;
        this.lots = lots;
        this.released = released;
        this.progress = progress;
        this.bids = bids;
        this.documents = documents;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.selfDecryptWindow = selfDecryptWindow;
        this.objectionWindow = objectionWindow;
    }

    /**
     * What a participant of the opening hall sees. The number of bids and the bidders who joined appear only once the
     * session has started (the opening time); a bidder sees other bidders' rows only once decryption is over.
     */
    public record SessionView(UUID lotId, String status, Integer bids, int threshold, List<Integer> releasedShares,
            Instant startedAt, Instant openedAt, UUID recordDocument, List<ResultView> results, UUID projectId,
            String transactionCode, String projectName, String lotName, Instant openingAt, String openingPlace,
            Instant serverTime, Instant selfDecryptUntil, Instant objectionsUntil, List<CustodianView> custodians,
            List<ParticipantView> participants, List<ConfirmationView> confirmations, List<ObjectionView> objections,
            Viewer you) {
    }

    /**
     * One bid in the hall. {@code stage}: QUEUED, DECRYPTING, VERIFYING, OPENED, AWAITING_BIDDER (the platform could
     * not open it; its bidder may self-decrypt), SELF_DECRYPTED, REVOKED (撤销), WITHDRAWN (撤回); {@code reason} names
     * a failure.
     */
    public record ResultView(UUID bidId, String bidder, String decryption, String signature, String hashCheck,
            BigDecimal price, String duration, String stage, String reason, boolean yours) {
    }

    /** A custodian named for the lot: whether it joined and released its share (never the share). */
    public record CustodianView(int index, String name, boolean joined, boolean released, Instant releasedAt, boolean you) {
    }

    public record ParticipantView(String role, String name, Instant joinedAt, boolean you) {
    }

    public record ConfirmationView(String bidder, Instant confirmedAt) {
    }

    public record ObjectionView(UUID id, String bidder, String text, Instant raisedAt, String answer, Instant answeredAt,
            boolean yours) {
    }

    /** What the caller may do in the hall now. */
    public record Viewer(String role, boolean joined, boolean canJoin, boolean canSelfDecrypt, boolean canConfirm,
            boolean confirmed, boolean canObject, boolean canAnswer) {
    }

    /** An opening the caller can follow, for the hall's list. */
    public record OpeningSummary(UUID projectId, UUID lotId, String transactionCode, String projectName, String lotName,
            Instant openingAt, String openingPlace, String status) {
    }

    /** Starts the lot's opening session; idempotent. Called by the scheduled job or by staff after the opening time. */
    public SessionView start(UUID projectId, UUID lotId) {
        Lots.Lot lot = lots.published(projectId, lotId);
        Instant now = clock.instant();
        if (now.isBefore(lot.openingAt())) {
            throw ProblemException.rule("opening-not-due", "lotId", "bid.opening.not-due", lot.openingAt());
        }
        completions.finishAll(lotId); // a completion a crash interrupted is finished before anything is counted
        List<BidStore.BidRow> live = store.liveBids(lotId);
        boolean tooFew = live.size() < MINIMUM_BIDS;
        if (store.insertSession(lotId, projectId, tooFew ? "FAILED_TOO_FEW_BIDS" : "WAITING_FOR_SHARES", now)) {
            if (tooFew) {
                store.finishSession(lotId, "FAILED_TOO_FEW_BIDS", now, null);
                publishNotice(projectId, lot, NoticeKind.FAILED_TENDER, "流标公告：" + lot.projectName() + " " + lot.lotName(),
                        "截至投标截止时间，" + lot.lotName() + "递交投标文件的投标人不足 3 家，依法不予开标，本标段招标失败（流标）。"
                                + "Fewer than three bids were received by the deadline: the lot was not opened and the tender failed.",
                        "failed:" + lotId);
                events.publishEvent(new BidEvents.LotFailed(lotId, projectId, live.size(), now));
            } else {
                events.publishEvent(new BidEvents.OpeningStarted(lotId, live.size(), now));
            }
        }
        return view(null, lot);
    }

    /** A bidder of the lot or a custodian named for it enters the hall (签到); idempotent; anyone else gets a 404. */
    public SessionView join(CurrentUser user, UUID projectId, UUID lotId) {
        Lots.Lot lot = lots.published(projectId, lotId);
        String name;
        UUID member = null;
        if (user.is(Role.BIDDER)) {
            member = user.requireMember();
            if (!store.isBidderOf(lotId, member)) {
                throw ProblemException.notFound("opening", lotId);
            }
            name = bidderName(member);
        } else if (user.is(Role.CUSTODIAN)) {
            if (!store.isCustodianOf(lotId, user.accountId())) {
                throw ProblemException.notFound("opening", lotId);
            }
            name = accountName(user.accountId());
        } else {
            throw ProblemException.notFound("opening", lotId);
        }
        Instant now = clock.instant();
        if (store.join(lotId, new BidStore.ParticipantRow(user.accountId(), user.role().name(), member, name, now))) {
            events.publishEvent(new BidEvents.OpeningJoined(lotId, user.accountId(), user.role().name(), now));
        }
        return view(user, lot);
    }

    /**
     * A custodian releases its share: the share's JSON (opened offline with its own key, e.g. {@code bidtool open})
     * and a detached CMS signature over exactly those bytes by its bound certificate.
     */
    public SessionView release(CurrentUser custodian, UUID lotId, String shareJson, String signatureBase64) {
        BidStore.SessionRow session = store.lockSession(lotId)
                .orElseThrow(() -> ProblemException.rule("opening-not-started", "lotId", "bid.opening.not-started"));
        if (!"WAITING_FOR_SHARES".equals(session.status())) {
            throw ProblemException.conflict("opening-finished", "lotId", "bid.opening.finished", session.status());
        }
        BidStore.OpeningKeyRow key = store.openingKey(lotId).orElseThrow();
        Share share;
        try {
            share = Share.fromJson(shareJson == null ? "" : shareJson);
        } catch (ShareException | IllegalArgumentException e) {
            throw ProblemException.invalid("share", "bid.share.malformed");
        }
        if (!share.splitId().equals(key.splitId())) {
            throw ProblemException.rule("share-of-another-lot", "share", "bid.share.other-split");
        }
        if (!share.intact()) {
            throw ProblemException.rule("share-corrupted", "share", "bid.share.corrupted", share.index());
        }
        UUID holder = store.shareHolder(lotId, share.index()).orElseThrow(() ->
                ProblemException.rule("share-of-another-lot", "share", "bid.share.other-split"));
        if (!holder.equals(custodian.accountId())) {
            throw ProblemException.forbidden("bid.share.not-yours");
        }
        X509Certificate certificate = store.custodianCertificate(custodian.accountId()).map(Certificates::parse)
                .orElseThrow(() -> ProblemException.forbidden("bid.share.not-yours"));
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(String.valueOf(signatureBase64));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("signature", "bid.base64", 65536);
        }
        if (!(CmsVerifier.verify(signature, shareJson.getBytes(StandardCharsets.UTF_8), VerifyOptions.expecting(certificate))
                instanceof SignatureCheck.Valid)) {
            throw ProblemException.rule("bad-signature", "signature", "bid.share.bad-signature");
        }
        Instant now = clock.instant();
        store.recordRelease(lotId, share.index(), custodian.accountId(), signature, now);
        events.publishEvent(new BidEvents.ShareReleased(lotId, share.index(), custodian.accountId(), now));
        int held = released.add(lotId, share);
        if (held >= key.threshold()) {
            open(session, key);
        }
        return view(custodian, lots.published(session.project(), lotId));
    }

    /**
     * Opens every live bid with the rebuilt key. What the bidder sealed decides at once: a bid the key does not open
     * (sealed to another recipient — for instance a look-alike of the opening certificate —, tampered, malformed,
     * unsupported) or whose inner signature is not the bidder's is revoked (撤销) on the spot; it gets no
     * self-decryption window, in which its bidder could otherwise decide whether to self-decrypt after seeing other
     * bids. Only failures the platform caused (the key could not be rebuilt, its own file could not be written) await
     * their bidders, all in the same window.
     */
    private void open(BidStore.SessionRow session, BidStore.OpeningKeyRow keyRow) {
        UUID lotId = session.lot();
        SigningKey key;
        byte[] secret = null;
        try {
            secret = ThresholdKeys.combine(released.of(lotId));
            X509Certificate certificate = Certificates.parse(keyRow.certificate());
            key = new SigningKey(OpeningKeys.rebuild(secret, certificate), List.of(certificate));
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(OpeningManagement.class)
                    .error("the opening key of lot {} could not be rebuilt: its bidders may self-decrypt", lotId, e);
            key = null;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, (byte) 0);
            }
            released.forget(lotId);
        }
        List<BidStore.BidRow> live = store.liveBids(lotId);
        for (BidStore.BidRow bid : live) {
            progress.stage(lotId, bid.id(), bid.member(), "QUEUED", null, clock.instant());
        }
        int awaiting = 0;
        for (BidStore.BidRow bid : live) {
            progress.stage(lotId, bid.id(), bid.member(), "DECRYPTING", null, clock.instant());
            BidStore.ResultRow result = key == null ? keyUnavailable(bid) : openOne(bid, key);
            Instant at = clock.instant();
            store.insertResult(lotId, result, at);
            events.publishEvent(new BidEvents.BidChecked(bid.id(), lotId, result.decryption(), result.signature(),
                    result.hashCheck(), at));
            switch (OpeningPolicy.outcome(result)) {
                case OPENED -> progress.stage(lotId, bid.id(), bid.member(), "OPENED",
                        result.hashCheck().equals("MATCHES") ? null : result.hashCheck(), at);
                case REVOKED -> endAtOpening(bid, "REVOKED", OpeningPolicy.cause(result), at);
                case WITHDRAWN -> endAtOpening(bid, "WITHDRAWN", result.hashCheck(), at);
                case AWAITING_BIDDER -> {
                    progress.stage(lotId, bid.id(), bid.member(), "AWAITING_BIDDER", result.decryption(), at);
                    awaiting++;
                }
            }
        }
        Instant now = clock.instant();
        if (awaiting > 0) {
            Instant until = now.plus(selfDecryptWindow);
            store.openSelfDecryptWindow(lotId, until);
            events.publishEvent(new BidEvents.SelfDecryptWindowOpened(lotId, session.project(), awaiting, until, now));
        } else {
            finish(session.project(), lotId, now);
        }
    }

    /** The platform could not rebuild the opening key: its fault, so the bid awaits its bidder. */
    private BidStore.ResultRow keyUnavailable(BidStore.BidRow bid) {
        Path sealed = properties.dataDir().resolve(bid.file());
        String hash = Files.exists(sealed) ? BidManagement.sha256(sealed) : "";
        return new BidStore.ResultRow(bid.id(), bid.member(), OpeningPolicy.KEY_UNAVAILABLE, "NOT_CHECKED",
                hash.equals(bid.sha256()) ? "MATCHES" : "TAMPERED_AFTER_RECEIPT", null, null, null);
    }

    private void endAtOpening(BidStore.BidRow bid, String status, String cause, Instant at) {
        store.endAtOpening(bid.id(), status, cause, at);
        store.progress(bid.lot(), bid.id(), bid.member(), status, cause, at);
        events.publishEvent(status.equals("REVOKED") ? new BidEvents.BidRevokedAtOpening(bid.id(), bid.lot(), bid.member(), cause, at)
                : new BidEvents.BidWithdrawnAtOpening(bid.id(), bid.lot(), bid.member(), cause, at));
    }

    /** Decryption is over for every bid: the signed opening record is issued and published as a notice. */
    private void finish(UUID projectId, UUID lotId, Instant now) {
        Lots.Lot lot = lots.published(projectId, lotId);
        Map<UUID, BidStore.ProgressRow> stages = new java.util.HashMap<>();
        store.progress(lotId).forEach(p -> stages.put(p.bid(), p));
        List<BidStore.ResultRow> results = store.results(lotId);
        long valid = results.stream().filter(r -> counts(r, stages.get(r.bid()))).count();
        List<PlatformDocuments.OpeningLine> lines = results.stream().map(r -> new PlatformDocuments.OpeningLine(
                bidderName(r.member()), r.price() == null ? "—" : "%,.2f".formatted(r.price()),
                r.duration() == null ? "—" : r.duration(), bids.depositColumn(lotId, r.member()),
                label(r.signature()), decryptionLabel(r, stages.get(r.bid()))))
                .toList();
        var record = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD, lotId, null,
                Visibility.PUBLIC, PlatformDocuments.openingRecord(new PlatformDocuments.OpeningRecord(lot.transactionCode(),
                        lot.projectName(), lot.lotName(), now, lot.openingPlace(), lines,
                        "有效投标 " + valid + " 家 / valid bids: " + valid))));
        store.finishOpened(lotId, now, record.id(), now.plus(objectionWindow));
        StringBuilder body = new StringBuilder("开标记录 Bid opening record — " + lot.lotName() + "\n");
        for (PlatformDocuments.OpeningLine line : lines) {
            body.append(line.bidder()).append("：投标报价 ").append(line.price()).append(" 元，工期 ").append(line.duration())
                    .append("，签名").append(line.signature()).append("，").append(line.decryption()).append("\n");
        }
        body.append("签章版开标记录 Signed record: /api/public/documents/").append(record.id()).append("/pdf");
        publishNotice(projectId, lot, NoticeKind.OPENING_RECORD, "开标记录：" + lot.projectName() + " " + lot.lotName(),
                body.toString(), "opening:" + lotId);
        events.publishEvent(new BidEvents.LotOpened(lotId, (int) valid, results.size() - (int) valid, record.id(), now));
    }

    private static boolean counts(BidStore.ResultRow r, BidStore.ProgressRow stage) {
        boolean opened = stage == null ? r.decryption().equals("DECRYPTED")
                : stage.stage().equals("OPENED") || stage.stage().equals("SELF_DECRYPTED");
        return opened && r.signature().equals("VALID") && r.hashCheck().equals("MATCHES");
    }

    private static String decryptionLabel(BidStore.ResultRow r, BidStore.ProgressRow stage) {
        String s = stage == null ? "" : stage.stage();
        return switch (s) {
            case "SELF_DECRYPTED" -> "投标人自行解密";
            case "REVOKED" -> "解密失败（撤销）";
            case "WITHDRAWN" -> "解密失败（撤回）" + (r.hashCheck().equals("MATCHES") ? "" : " / " + label(r.hashCheck()));
            default -> label(r.decryption()) + (r.hashCheck().equals("MATCHES") ? "" : " / " + label(r.hashCheck()));
        };
    }

    /**
     * The bidder of a bid the platform could not open hands over, within the window, the signed package it decrypted
     * with its own key and the content-encryption key its own recipient info yields ({@code bidtool open --export-cek}).
     * The platform opens the sealed file with that key — the GCM tag (or CBC padding) proves the key is this file's —
     * and requires the result to be byte for byte the uploaded package; then the package is verified like any other.
     * A package signed by another key ends the bid as revoked (撤销).
     */
    public SessionView selfDecrypt(CurrentUser bidder, UUID projectId, UUID lotId, UUID bidId, String contentKeyBase64,
            InputStream packageBytes) {
        Lots.Lot lot = lots.published(projectId, lotId);
        UUID member = bidder.requireMember();
        BidStore.BidRow bid = store.bid(bidId).filter(b -> b.lot().equals(lotId) && b.member().equals(member))
                .orElseThrow(() -> ProblemException.notFound("bid", bidId));
        BidStore.SessionRow session = store.lockSession(lotId)
                .orElseThrow(() -> ProblemException.rule("opening-not-started", "lotId", "bid.opening.not-started"));
        Instant now = clock.instant();
        if (!"SELF_DECRYPT".equals(session.status())) {
            throw ProblemException.conflict("self-decrypt-not-open", "bidId", "bid.self-decrypt.not-open");
        }
        if (!now.isBefore(session.selfDecryptUntil())) {
            throw ProblemException.rule("self-decrypt-window-closed", "package", "bid.self-decrypt.window-closed",
                    session.selfDecryptUntil());
        }
        boolean awaiting = store.progress(lotId).stream()
                .anyMatch(p -> p.bid().equals(bidId) && p.stage().equals("AWAITING_BIDDER"));
        if (!awaiting) {
            throw ProblemException.conflict("self-decrypt-not-needed", "bidId", "bid.self-decrypt.not-needed");
        }
        byte[] cek;
        try {
            cek = Base64.getMimeDecoder().decode(contentKeyBase64 == null ? "" : contentKeyBase64.trim());
        } catch (IllegalArgumentException e) {
            cek = new byte[0];
        }
        if (cek.length != 16 && cek.length != 32) {
            throw ProblemException.invalid("contentKey", "bid.self-decrypt.key-malformed");
        }
        Path sealed = properties.dataDir().resolve(bid.file());
        Path uploaded = sealed.resolveSibling(bid.id() + ".self-decrypted");
        Path opened = sealed.resolveSibling(bid.id() + ".self-opened");
        Path content = sealed.resolveSibling(bid.id() + ".content");
        try {
            Received received = receive(packageBytes, uploaded, bid.size());
            if (received.size() == 0) {
                throw ProblemException.invalid("package", "bid.self-decrypt.package-empty");
            }
            if (received.size() < 0) {
                throw refuse(bid, bidder, "package-mismatch", "package", "bid.self-decrypt.package-mismatch", null);
            }
            OpenResult result = Opener.openWithContentKey(sealed, cek, opened);
            if (!(result instanceof OpenResult.Opened)) {
                throw refuse(bid, bidder, "content-key-mismatch", "contentKey", "bid.self-decrypt.key-mismatch",
                        received.sha256());
            }
            if (!BidManagement.sha256(opened).equals(received.sha256())) {
                throw refuse(bid, bidder, "package-mismatch", "package", "bid.self-decrypt.package-mismatch",
                        received.sha256());
            }
            Verified verified = verify(bid, opened, content);
            store.recordAttempt(bidId, lotId, bidder.accountId(), "ACCEPTED", received.sha256(), received.size(), now);
            store.updateResult(lotId, new BidStore.ResultRow(bid.id(), bid.member(), "SELF_DECRYPTED", verified.signature(),
                    "MATCHES", verified.form().price(), verified.form().duration(), verified.form().json()), now);
            events.publishEvent(new BidEvents.BidSelfDecrypted(bid.id(), lotId, member, received.sha256(),
                    verified.signature(), now));
            if (verified.signature().equals("VALID")) {
                store.progress(lotId, bid.id(), member, "SELF_DECRYPTED", null, now);
            } else {
                endAtOpening(bid, "REVOKED", "SIGNATURE_" + verified.signature(), now);
            }
        } finally {
            Arrays.fill(cek, (byte) 0);
            deleteQuietly(uploaded);
            deleteQuietly(opened);
        }
        if (store.progress(lotId).stream().noneMatch(p -> p.stage().equals("AWAITING_BIDDER"))) {
            finish(projectId, lotId, now);
        }
        return view(bidder, lot);
    }

    private ProblemException refuse(BidStore.BidRow bid, CurrentUser bidder, String rule, String field, String key,
            String sha256) {
        Instant now = clock.instant();
        progress.independently(() -> {
            store.recordAttempt(bid.id(), bid.lot(), bidder.accountId(), rule, sha256, null, now);
            events.publishEvent(new BidEvents.SelfDecryptRefused(bid.id(), bid.lot(), bid.member(), rule, sha256, now));
        });
        return ProblemException.rule(rule, field, key);
    }

    /** Bytes received, their SHA-256, or size -1 when more arrived than the sealed file could hold. */
    private record Received(long size, String sha256) {
    }

    private static Received receive(InputStream in, Path target, long limit) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (java.io.OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > limit) {
                        return new Received(-1, null);
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new Received(total, java.util.HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot receive the self-decrypted package", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover decrypted copy sits in the bid's own folder, which only the platform reads
        }
    }

    /**
     * The self-decryption window has passed: every bid still awaiting its bidder ends — revoked (撤销) when the cause was
     * the bidder's (wrong recipient, corrupt or unsupported package), withdrawn (撤回) otherwise — and the record is
     * issued. Called by the scheduled job at the window's end; a second call changes nothing.
     */
    public SessionView closeSelfDecryptWindow(UUID projectId, UUID lotId) {
        Lots.Lot lot = lots.published(projectId, lotId);
        BidStore.SessionRow session = store.lockSession(lotId)
                .orElseThrow(() -> ProblemException.rule("opening-not-started", "lotId", "bid.opening.not-started"));
        if (!"SELF_DECRYPT".equals(session.status())) {
            return view(null, lot);
        }
        Instant now = clock.instant();
        if (now.isBefore(session.selfDecryptUntil())) {
            throw ProblemException.rule("self-decrypt-window-open", "lotId", "bid.self-decrypt.window-open",
                    session.selfDecryptUntil());
        }
        for (BidStore.ProgressRow p : store.progress(lotId)) {
            if (!p.stage().equals("AWAITING_BIDDER")) {
                continue;
            }
            BidStore.BidRow bid = store.bid(p.bid()).orElseThrow();
            String cause = p.reason() == null ? "FAILED" : p.reason();
            endAtOpening(bid, OpeningPolicy.biddersFault(cause) ? "REVOKED" : "WITHDRAWN", cause, now);
        }
        finish(projectId, lotId, now);
        return view(null, lot);
    }

    /** A bidder of the lot confirms the opening record, during the objection period. */
    public SessionView confirm(CurrentUser bidder, UUID projectId, UUID lotId) {
        Lots.Lot lot = lots.published(projectId, lotId);
        UUID member = requireBidderOf(bidder, lotId);
        requireObjectionPeriod(lotId);
        Instant now = clock.instant();
        if (store.confirm(lotId, member, bidder.accountId(), now)) {
            events.publishEvent(new BidEvents.OpeningRecordConfirmed(lotId, member, now));
        }
        return view(bidder, lot);
    }

    /** A bidder of the lot objects to the opening (异议), during the objection period; staff answer it. */
    public SessionView object(CurrentUser bidder, UUID projectId, UUID lotId, String text) {
        Lots.Lot lot = lots.published(projectId, lotId);
        UUID member = requireBidderOf(bidder, lotId);
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_OBJECTION) {
            throw ProblemException.invalid("text", "bid.objection.text", MAX_OBJECTION);
        }
        requireObjectionPeriod(lotId);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        store.object(id, lotId, member, bidder.accountId(), trimmed, now);
        events.publishEvent(new BidEvents.OpeningObjectionRaised(id, lotId, member, now));
        return view(bidder, lot);
    }

    /** Staff answer an objection; the answer is recorded and shown in the hall. */
    public SessionView answer(CurrentUser staff, UUID projectId, UUID lotId, UUID objectionId, String answer) {
        Lots.Lot lot = lots.published(projectId, lotId);
        String trimmed = answer == null ? "" : answer.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_OBJECTION) {
            throw ProblemException.invalid("answer", "bid.objection.answer", MAX_OBJECTION);
        }
        if (store.objections(lotId).stream().noneMatch(o -> o.id().equals(objectionId))) {
            throw ProblemException.notFound("objection", objectionId);
        }
        Instant now = clock.instant();
        if (!store.answer(lotId, objectionId, trimmed, staff.accountId(), now)) {
            throw ProblemException.conflict("objection-answered", "objectionId", "bid.objection.answered");
        }
        events.publishEvent(new BidEvents.OpeningObjectionAnswered(objectionId, lotId, staff.accountId(), now));
        return view(staff, lot);
    }

    private UUID requireBidderOf(CurrentUser bidder, UUID lotId) {
        UUID member = bidder.requireMember();
        if (!store.isBidderOf(lotId, member)) {
            throw ProblemException.notFound("opening", lotId);
        }
        return member;
    }

    private void requireObjectionPeriod(UUID lotId) {
        BidStore.SessionRow s = store.session(lotId).orElse(null);
        if (s == null || !"OPENED".equals(s.status())) {
            throw ProblemException.rule("opening-record-not-ready", "lotId", "bid.objection.not-ready");
        }
        if (s.objectionsUntil() != null && !clock.instant().isBefore(s.objectionsUntil())) {
            throw ProblemException.rule("objection-period-over", "lotId", "bid.objection.period-over", s.objectionsUntil());
        }
    }

    private void publishNotice(UUID projectId, Lots.Lot lot, NoticeKind kind, String title, String body, String key) {
        ProjectView p = lots.project(projectId);
        notices.publish(new NoticeDraft(key, kind, projectId, p.transactionCode(), p.name(), p.type().name(),
                p.procedure().name(), title, body, p.regionCode(), p.classificationCodes(), null, p.tendereeName(),
                p.agencyName(), null, p.bidDeadline(), p.openingAt(), List.of(), null));
    }

    private BidStore.ResultRow openOne(BidStore.BidRow bid, SigningKey key) {
        Path sealed = properties.dataDir().resolve(bid.file());
        String hash = Files.exists(sealed) ? BidManagement.sha256(sealed) : "";
        String hashCheck = hash.equals(bid.sha256()) ? "MATCHES" : "TAMPERED_AFTER_RECEIPT";
        Path opened = sealed.resolveSibling(bid.id() + ".signed");
        OpenResult result = Opener.open(sealed, key, opened);
        if (!(result instanceof OpenResult.Opened)) {
            String reason = ((OpenResult.Failed) result).failure().name();
            return new BidStore.ResultRow(bid.id(), bid.member(), "FAILED_" + reason, "NOT_CHECKED", hashCheck, null, null,
                    null);
        }
        progress.stage(bid.lot(), bid.id(), bid.member(), "VERIFYING", null, clock.instant());
        Verified verified = verify(bid, opened, sealed.resolveSibling(bid.id() + ".content"));
        return new BidStore.ResultRow(bid.id(), bid.member(), "DECRYPTED", verified.signature(), hashCheck,
                verified.form().price(), verified.form().duration(), verified.form().json());
    }

    private record Verified(String signature, BidForm form) {
    }

    /** The inner signature against the bidder's registered certificates (valid at the receipt's time), then the form. */
    private Verified verify(BidStore.BidRow bid, Path opened, Path content) {
        String signature = "NOT_BY_REGISTERED_CERTIFICATE";
        for (X509Certificate candidate : bids.registered(bid.member())) {
            try (InputStream in = Files.newInputStream(opened);
                    java.io.OutputStream sink = Files.newOutputStream(content)) {
                SignatureCheck check = CmsVerifier.verify(in, null, sink, VerifyOptions.expecting(candidate));
                if (check instanceof SignatureCheck.Valid) {
                    signature = validAt(candidate, bid.receivedAt()) ? "VALID" : "CERTIFICATE_NOT_VALID_AT_RECEIPT";
                    break;
                }
                if (check instanceof SignatureCheck.Invalid invalid
                        && invalid.failure() == SignatureCheck.Failure.CERT_EXPIRED_AT_SIGNING) {
                    signature = "CERTIFICATE_EXPIRED_AT_SIGNING";
                }
            } catch (IOException | RuntimeException e) {
                signature = "MALFORMED";
            }
        }
        return new Verified(signature, signature.equals("VALID") ? BidForm.read(content) : BidForm.NONE);
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        try {
            certificate.checkValidity(java.util.Date.from(at));
            return true;
        } catch (java.security.cert.CertificateException e) {
            return false;
        }
    }

    private String bidderName(UUID member) {
        return accounts.accountsOfMember(member).stream().findFirst().map(AccountManagement.AccountView::displayName)
                .orElse(member.toString());
    }

    private String accountName(UUID account) {
        return accounts.find(account).map(AccountManagement.AccountView::displayName).orElse("—");
    }

    private static String label(String code) {
        return switch (code) {
            case "VALID" -> "有效";
            case "DECRYPTED" -> "已解密";
            case "SELF_DECRYPTED" -> "投标人自行解密";
            case "MATCHES" -> "一致";
            case "TAMPERED_AFTER_RECEIPT" -> "回执后被篡改";
            case "NOT_CHECKED" -> "未检查";
            default -> code.startsWith("FAILED") ? "解密失败" : "无效";
        };
    }

    public void requirePublished(UUID projectId, UUID lotId) {
        lots.published(projectId, lotId);
    }

    /** The hall as the caller may see it; a 404 for a bidder not on the lot, a custodian not named for it, or another tenderee. */
    @Transactional(readOnly = true)
    public SessionView view(CurrentUser viewer, UUID projectId, UUID lotId) {
        Lots.Lot lot = lots.published(projectId, lotId);
        requireAccess(viewer, lot);
        return view(viewer, lot);
    }

    private void requireAccess(CurrentUser viewer, Lots.Lot lot) {
        boolean allowed = switch (viewer.role()) {
            case STAFF, REGULATOR, ADMIN -> true;
            case BIDDER -> viewer.memberId().map(m -> store.isBidderOf(lot.lotId(), m)).orElse(false);
            case CUSTODIAN -> store.isCustodianOf(lot.lotId(), viewer.accountId());
            case TENDEREE, AGENT -> lots.project(lot.projectId()).ownedBy(viewer.memberId().orElse(null));
            default -> false;
        };
        if (!allowed) {
            throw ProblemException.notFound("opening", lot.lotId());
        }
    }

    /** The lots whose opening the caller can follow: today's and upcoming ones, and any still in session. */
    @Transactional(readOnly = true)
    public List<OpeningSummary> openings(CurrentUser user) {
        List<BidStore.LotRef> refs = switch (user.role()) {
            case CUSTODIAN -> store.lotsFor(user.accountId(), null, 200);
            case BIDDER -> store.lotsFor(null, user.requireMember(), 200);
            default -> store.lotsFor(null, null, 200);
        };
        Instant today = java.time.LocalDate.now(clock.withZone(SHANGHAI)).atStartOfDay(SHANGHAI).toInstant();
        Map<UUID, ProjectView> projects = new java.util.HashMap<>();
        List<OpeningSummary> list = new ArrayList<>();
        for (BidStore.LotRef ref : refs) {
            ProjectView p = projects.computeIfAbsent(ref.project(), lots::project);
            if ((user.is(Role.TENDEREE) || user.is(Role.AGENT)) && !p.ownedBy(user.memberId().orElse(null))) {
                continue;
            }
            if (user.is(Role.BIDDER) && !store.isBidderOf(ref.lot(), user.requireMember())) {
                continue;
            }
            Optional<ProjectView.LotView> lot = p.lots().stream().filter(l -> l.id().equals(ref.lot())).findFirst();
            if (lot.isEmpty() || p.openingAt() == null) {
                continue;
            }
            String status = store.session(ref.lot()).map(BidStore.SessionRow::status).orElse("NOT_STARTED");
            boolean inSession = status.equals("WAITING_FOR_SHARES") || status.equals("SELF_DECRYPT");
            if (!inSession && p.openingAt().isBefore(today)) {
                continue;
            }
            list.add(new OpeningSummary(p.id(), ref.lot(), p.transactionCode(), p.name(),
                    "第" + lot.get().number() + "标段 " + lot.get().name(), p.openingAt(), p.openingPlace(), status));
        }
        list.sort(java.util.Comparator.comparing(OpeningSummary::openingAt).thenComparing(OpeningSummary::lotName));
        return list;
    }

    /** The hall; {@code viewer} null means the full view (the platform itself, staff starting a session). */
    private SessionView view(CurrentUser viewer, Lots.Lot lot) {
        UUID lotId = lot.lotId();
        Optional<BidStore.SessionRow> session = store.session(lotId);
        int threshold = store.openingKey(lotId).map(BidStore.OpeningKeyRow::threshold).orElse(0);
        String status = session.map(BidStore.SessionRow::status).orElse("NOT_STARTED");
        boolean started = session.isPresent();
        Instant now = clock.instant();
        boolean bidder = viewer != null && viewer.is(Role.BIDDER);
        UUID member = viewer == null ? null : viewer.memberId().orElse(null);
        UUID account = viewer == null ? null : viewer.accountId();

        List<BidStore.ProgressRow> stages = started ? store.progress(lotId) : List.of();
        Map<UUID, BidStore.ResultRow> results = new java.util.HashMap<>();
        if (started) {
            store.results(lotId).forEach(r -> results.put(r.bid(), r));
        }
        // Until every bid has ended its decryption (opened, revoked or withdrawn) a bidder sees its own row only: no
        // price, name or count of others, or it could decide whether to self-decrypt knowing the competition.
        boolean decrypted = status.equals("OPENED");
        if (status.equals("WAITING_FOR_SHARES") && !stages.isEmpty()) {
            status = "OPENING";
        }
        Map<UUID, String> names = new java.util.HashMap<>();
        List<ResultView> rows = new ArrayList<>();
        for (BidStore.ProgressRow p : stages) {
            boolean yours = member != null && bidder && p.member().equals(member);
            if (bidder && !decrypted && !yours) {
                continue;
            }
            BidStore.ResultRow r = results.get(p.bid());
            String name = names.computeIfAbsent(p.member(), this::bidderName);
            rows.add(r == null ? new ResultView(p.bid(), name, null, null, null, null, null, p.stage(), p.reason(), yours)
                    : new ResultView(p.bid(), name, r.decryption(), r.signature(), r.hashCheck(), r.price(), r.duration(),
                            p.stage(), p.reason(), yours));
        }
        if (stages.isEmpty() && !results.isEmpty()) {
            // sessions opened before live progress existed
            for (BidStore.ResultRow r : results.values()) {
                boolean yours = member != null && bidder && r.member().equals(member);
                if (bidder && !decrypted && !yours) {
                    continue;
                }
                rows.add(new ResultView(r.bid(), bidderName(r.member()), r.decryption(), r.signature(), r.hashCheck(),
                        r.price(), r.duration(), r.decryption().equals("DECRYPTED") ? "OPENED" : "WITHDRAWN", null, yours));
            }
        }
        Integer count = !started || bidder && !decrypted ? null : !stages.isEmpty() ? Integer.valueOf(stages.size())
                : "OPENED".equals(status) ? Integer.valueOf(results.size()) : Integer.valueOf(store.liveBids(lotId).size());

        List<BidStore.ParticipantRow> joined = store.participants(lotId);
        Set<UUID> joinedAccounts = new java.util.HashSet<>();
        joined.forEach(j -> joinedAccounts.add(j.account()));
        // Released shares live only in this node's memory until the key is rebuilt. While the session waits for
        // shares, a release recorded in the database but no longer held (the node restarted) counts as not released,
        // so its custodian is asked to release again.
        boolean waiting = "WAITING_FOR_SHARES".equals(status);
        Set<Integer> held = released.indexes(lotId);
        List<CustodianView> custodians = store.shareHolders(lotId).stream().map(h -> {
            boolean isReleased = h.releasedAt() != null && (!waiting || held.contains(h.index()));
            return new CustodianView(h.index(), accountName(h.custodian()), joinedAccounts.contains(h.custodian()),
                    isReleased, isReleased ? h.releasedAt() : null, h.custodian().equals(account));
        }).toList();
        List<Integer> releasedIndexes = store.releasedIndexes(lotId).stream().filter(i -> !waiting || held.contains(i))
                .toList();
        List<ParticipantView> participants = joined.stream()
                .filter(j -> (bidder ? decrypted : started) || !j.role().equals("BIDDER") || j.account().equals(account))
                .map(j -> new ParticipantView(j.role(), j.displayName(), j.joinedAt(), j.account().equals(account))).toList();
        List<BidStore.ConfirmationRow> confirmationRows = started ? store.confirmations(lotId) : List.of();
        List<ConfirmationView> confirmations = confirmationRows.stream()
                .map(c -> new ConfirmationView(names.computeIfAbsent(c.member(), this::bidderName), c.confirmedAt())).toList();
        List<ObjectionView> objections = started ? store.objections(lotId).stream()
                .map(o -> new ObjectionView(o.id(), names.computeIfAbsent(o.member(), this::bidderName), o.text(), o.raisedAt(),
                        o.answer(), o.answeredAt(), bidder && o.member().equals(member))).toList()
                : List.of();

        BidStore.SessionRow s = session.orElse(null);
        boolean objectionPeriod = decrypted && (s.objectionsUntil() == null || now.isBefore(s.objectionsUntil()));
        boolean confirmed = bidder && confirmationRows.stream().anyMatch(c -> c.member().equals(member));
        boolean canSelfDecrypt = bidder && "SELF_DECRYPT".equals(status) && now.isBefore(s.selfDecryptUntil())
                && rows.stream().anyMatch(r -> r.yours() && r.stage().equals("AWAITING_BIDDER"));
        Viewer you = viewer == null ? null : new Viewer(viewer.role().name(), joinedAccounts.contains(account),
                (bidder || viewer.is(Role.CUSTODIAN)) && !joinedAccounts.contains(account), canSelfDecrypt,
                bidder && objectionPeriod && !confirmed, confirmed, bidder && objectionPeriod,
                viewer.is(Role.STAFF) || viewer.is(Role.ADMIN));
        return new SessionView(lotId, status, count, threshold, releasedIndexes,
                s == null ? null : s.startedAt(), s == null ? null : s.openedAt(), s == null ? null : s.record(), rows,
                lot.projectId(), lot.transactionCode(), lot.projectName(), lot.lotName(), lot.openingAt(), lot.openingPlace(),
                now, s == null ? null : s.selfDecryptUntil(), s == null ? null : s.objectionsUntil(), custodians,
                participants, confirmations, objections, you);
    }

    /** The bid form inside the signed package: {@code bid-form.json} in a ZIP, or the content itself as JSON. */
    record BidForm(BigDecimal price, String duration, String json) {
        static final BidForm NONE = new BidForm(null, null, null);

        static BidForm read(Path content) {
            String json = null;
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(content.toFile())) {
                ZipEntry entry = zip.getEntry("bid-form.json");
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        json = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException notAZip) {
                json = null;
            }
            try {
                if (json == null) {
                    try (InputStream in = Files.newInputStream(content)) {
                        json = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    }
                }
                tools.jackson.databind.JsonNode form = BidManagement.JSON.readTree(json);
                tools.jackson.databind.JsonNode price = form.get("price");
                tools.jackson.databind.JsonNode duration = form.get("duration");
                return new BidForm(price == null || !price.isNumber() && !price.isTextual() ? null
                        : new BigDecimal(price.asText()).setScale(2, java.math.RoundingMode.HALF_UP),
                        duration == null ? null : duration.asText(), json);
            } catch (IOException | RuntimeException e) {
                return NONE;
            }
        }
    }
}
