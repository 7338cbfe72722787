package org.sunbid.bid;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidStore;
import org.sunbid.bid.internal.Lots;
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

    private final BidStore store;
    private final Lots lots;
    private final ReleasedShares released;
    private final BidManagement bids;
    private final DocumentManagement documents;
    private final AccountManagement accounts;
    private final PlatformProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NoticeManagement notices;

    OpeningManagement(BidStore store, Lots lots, ReleasedShares released, BidManagement bids,
            DocumentManagement documents, AccountManagement accounts, PlatformProperties properties,
            ApplicationEventPublisher events, Clock clock, NoticeManagement notices) {
        this.notices = notices;
        this.store = store;
        this.lots = lots;
        this.released = released;
        this.bids = bids;
        this.documents = documents;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** What anyone entitled to the opening hall sees. Counts appear only once the session has started. */
    public record SessionView(UUID lotId, String status, int bids, int threshold, List<Integer> releasedShares,
            Instant startedAt, Instant openedAt, UUID recordDocument, List<ResultView> results) {
    }

    public record ResultView(UUID bidId, String bidder, String decryption, String signature, String hashCheck,
            BigDecimal price, String duration) {
    }

    /** Starts the lot's opening session; idempotent. Called by the scheduled job or by staff after the opening time. */
    public SessionView start(UUID projectId, UUID lotId) {
        Lots.Lot lot = lots.published(projectId, lotId);
        Instant now = clock.instant();
        if (now.isBefore(lot.openingAt())) {
            throw ProblemException.rule("opening-not-due", "lotId", "bid.opening.not-due", lot.openingAt());
        }
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
        return view(lotId);
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
        return view(lotId);
    }

    private void open(BidStore.SessionRow session, BidStore.OpeningKeyRow keyRow) {
        UUID lotId = session.lot();
        byte[] secret = ThresholdKeys.combine(released.of(lotId));
        SigningKey key;
        try {
            X509Certificate certificate = Certificates.parse(keyRow.certificate());
            key = new SigningKey(OpeningKeys.rebuild(secret, certificate), List.of(certificate));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("rebuilt opening key is unusable", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            released.forget(lotId);
        }
        Instant now = clock.instant();
        List<BidStore.ResultRow> results = new ArrayList<>();
        for (BidStore.BidRow bid : store.liveBids(lotId)) {
            results.add(openOne(bid, key));
        }
        results.forEach(r -> store.insertResult(lotId, r, now));
        Lots.Lot lot = lots.published(session.project(), lotId);
        long valid = results.stream().filter(r -> r.decryption().equals("DECRYPTED") && r.signature().equals("VALID")
                && r.hashCheck().equals("MATCHES")).count();
        List<PlatformDocuments.OpeningLine> lines = results.stream().map(r -> new PlatformDocuments.OpeningLine(
                bidderName(r.member()), r.price() == null ? "—" : "%,.2f".formatted(r.price()),
                r.duration() == null ? "—" : r.duration(), bids.depositSecured(lotId, r.member()) ? "已缴纳" : "未确认",
                label(r.signature()), label(r.decryption()) + (r.hashCheck().equals("MATCHES") ? "" : " / " + label(r.hashCheck()))))
                .toList();
        var record = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.OPENING_RECORD, lotId, null,
                Visibility.PUBLIC, PlatformDocuments.openingRecord(new PlatformDocuments.OpeningRecord(lot.transactionCode(),
                        lot.projectName(), lot.lotName(), now, lot.openingPlace(), lines,
                        "有效投标 " + valid + " 家 / valid bids: " + valid))));
        store.finishSession(lotId, "OPENED", now, record.id());
        StringBuilder body = new StringBuilder("开标记录 Bid opening record — " + lot.lotName() + "\n");
        for (PlatformDocuments.OpeningLine line : lines) {
            body.append(line.bidder()).append("：投标报价 ").append(line.price()).append(" 元，工期 ").append(line.duration())
                    .append("，签名").append(line.signature()).append("，").append(line.decryption()).append("\n");
        }
        body.append("签章版开标记录 Signed record: /api/public/documents/").append(record.id()).append("/pdf");
        publishNotice(session.project(), lot, NoticeKind.OPENING_RECORD, "开标记录：" + lot.projectName() + " " + lot.lotName(),
                body.toString(), "opening:" + lotId);
        events.publishEvent(new BidEvents.LotOpened(lotId, (int) valid, results.size() - (int) valid, record.id(), now));
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
        Path content = sealed.resolveSibling(bid.id() + ".content");
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
        BidForm form = signature.equals("VALID") ? BidForm.read(content) : BidForm.NONE;
        return new BidStore.ResultRow(bid.id(), bid.member(), "DECRYPTED", signature, hashCheck, form.price(),
                form.duration(), form.json());
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

    private static String label(String code) {
        return switch (code) {
            case "VALID" -> "有效";
            case "DECRYPTED" -> "已解密";
            case "MATCHES" -> "一致";
            case "TAMPERED_AFTER_RECEIPT" -> "回执后被篡改";
            case "NOT_CHECKED" -> "未检查";
            default -> code.startsWith("FAILED") ? "解密失败" : "无效";
        };
    }

    public void requirePublished(UUID projectId, UUID lotId) {
        lots.published(projectId, lotId);
    }

    /** Session status, bidders' view limited to their own results until the record is public. */
    @Transactional(readOnly = true)
    public SessionView view(CurrentUser viewer, UUID projectId, UUID lotId) {
        lots.published(projectId, lotId);
        SessionView view = view(lotId);
        if (viewer.is(Role.BIDDER) && !"OPENED".equals(view.status())) {
            return new SessionView(lotId, view.status(), view.bids(), view.threshold(), view.releasedShares(),
                    view.startedAt(), view.openedAt(), view.recordDocument(), List.of());
        }
        return view;
    }

    SessionView view(UUID lotId) {
        Optional<BidStore.SessionRow> session = store.session(lotId);
        int threshold = store.openingKey(lotId).map(BidStore.OpeningKeyRow::threshold).orElse(0);
        if (session.isEmpty()) {
            return new SessionView(lotId, "NOT_STARTED", 0, threshold, List.of(), null, null, null, List.of());
        }
        BidStore.SessionRow s = session.get();
        List<ResultView> results = store.results(lotId).stream().map(r -> new ResultView(r.bid(), bidderName(r.member()),
                r.decryption(), r.signature(), r.hashCheck(), r.price(), r.duration())).toList();
        int count = "OPENED".equals(s.status()) ? results.size() : store.liveBids(lotId).size();
        return new SessionView(lotId, s.status(), count, threshold, store.releasedIndexes(lotId), s.startedAt(),
                s.openedAt(), s.record(), results);
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
