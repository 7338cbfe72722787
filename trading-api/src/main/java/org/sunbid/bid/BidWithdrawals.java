package org.sunbid.bid;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.internal.BidderSignatures;
import org.sunbid.bid.internal.Bids;
import org.sunbid.bid.internal.Lots;
import org.sunbid.bid.internal.SubmissionRules;
import org.sunbid.document.DocumentKind;
import org.sunbid.document.DocumentManagement;
import org.sunbid.document.PlatformDocuments;
import org.sunbid.document.Visibility;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.BidId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.timestamp.Timestamp;

/** 撤回: a bidder withdraws its live bid before the deadline, with a signed withdrawal, and gets a withdrawal receipt. */
@Service
@Transactional
public class BidWithdrawals {

    private final Bids bidRows;
    private final Lots lots;
    private final SubmissionRules rules;
    private final BidderSignatures signatures;
    private final DocumentManagement documents;
    private final AccountManagement accounts;
    private final PlatformTrust trust;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BidWithdrawals(Bids bidRows, Lots lots, SubmissionRules rules, BidderSignatures signatures,
            DocumentManagement documents, AccountManagement accounts, PlatformTrust trust,
            ApplicationEventPublisher events, Clock clock) {
        this.bidRows = bidRows;
        this.lots = lots;
        this.rules = rules;
        this.signatures = signatures;
        this.documents = documents;
        this.accounts = accounts;
        this.trust = trust;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Withdraws a live bid before the deadline; {@code signatureBase64} is a detached CMS signature over
     * {@code sunbid-withdraw:<bid id>}. Answers a withdrawal receipt signed and timestamped like a submission receipt;
     * a repeated withdrawal of the same bid answers the same receipt.
     */
    public WithdrawalReceipt withdraw(CurrentUser bidder, BidId id, String signatureBase64) {
        UUID bidId = id.value();
        Bids.BidRow bid = ownBid(bidder, bidId);
        byte[] signature = BidderSignatures.base64("signature", signatureBase64, BidSubmissions.MAX_MANIFEST);
        byte[] content = ("sunbid-withdraw:" + bidId).getBytes(StandardCharsets.UTF_8);
        if (signatures.verifiedBy(bid.member(), signature, content).isEmpty()) {
            throw ProblemException.rule("bad-signature", "signature", "bid.withdraw.bad-signature");
        }
        Optional<Bids.WithdrawalRow> earlier = bidRows.withdrawal(bidId);
        if (earlier.isPresent()) {
            return toWithdrawalReceipt(bid, earlier.get());
        }
        Lots.Lot lot = lots.published(bid.project(), bid.lot());
        Instant now = clock.instant();
        rules.refuseAfterDeadline(lot, now, bid.member());
        Bid live = bidRows.find(BidId.of(bidId)).orElseThrow();
        live.withdraw(now);
        if (!bidRows.save(live)) {
            throw Bid.notLive();
        }
        String withdrawalSha256 = DigestAlgorithm.SHA256.hex(signature);
        Timestamp stamp = trust.timestamps().stamp(DigestAlgorithm.SHA256, DigestAlgorithm.SHA256.digest(signature));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("type", "sunbid-bid-withdrawal-receipt/1");
        statement.put("bid", bidId.toString());
        statement.put("project", bid.project().toString());
        statement.put("lot", bid.lot().toString());
        statement.put("member", bid.member().toString());
        statement.put("sha256", bid.sha256());
        statement.put("withdrawalSha256", withdrawalSha256);
        statement.put("withdrawnAt", now.toString());
        statement.put("timestampSerial", stamp.serialNumber().toString(16));
        String statementJson = BidSubmissions.JSON.writeValueAsString(statement);
        byte[] platformSignature = new CmsSigner(trust.documentSigner()).sign(statementJson.getBytes(StandardCharsets.UTF_8),
                true);
        var pdf = documents.issue(new DocumentManagement.IssueRequest(DocumentKind.BID_WITHDRAWAL_RECEIPT, bidId,
                bid.member(), Visibility.OWNER, PlatformDocuments.bidWithdrawalReceipt(
                        new PlatformDocuments.BidWithdrawalReceipt(lot.transactionCode(), lot.projectName(), lot.lotName(),
                                bidderName(bid.member()), bidId, bid.sha256(), withdrawalSha256, now, stamp.time(),
                                stamp.serialNumber().toString(16)))));
        Bids.WithdrawalRow row = new Bids.WithdrawalRow(bidId, signature, statementJson, platformSignature,
                stamp.token(), pdf.id(), now);
        bidRows.insertWithdrawal(row);
        events.publishEvent(new BidEvents.BidWithdrawn(bidId, bid.lot(), bid.member(), now));
        return toWithdrawalReceipt(bid, row);
    }

    /** A withdrawn bid's receipt, to download again (404 for anyone but its bidder, and for a bid not withdrawn). */
    @Transactional(readOnly = true)
    public WithdrawalReceipt withdrawalReceipt(CurrentUser bidder, BidId id) {
        UUID bidId = id.value();
        Bids.BidRow bid = ownBid(bidder, bidId);
        return bidRows.withdrawal(bidId).map(w -> toWithdrawalReceipt(bid, w))
                .orElseThrow(() -> ProblemException.notFound("withdrawal receipt", bidId));
    }

    private static WithdrawalReceipt toWithdrawalReceipt(Bids.BidRow bid, Bids.WithdrawalRow w) {
        return new WithdrawalReceipt(bid.id(), bid.lot(), w.withdrawnAt(), w.statement(),
                Base64.getEncoder().encodeToString(w.signature()), Base64.getEncoder().encodeToString(w.timestamp()),
                w.receiptDocument());
    }

    private String bidderName(UUID member) {
        return accounts.accountsOfMember(MemberId.of(member)).stream().findFirst().map(AccountManagement.AccountView::displayName)
                .orElse(member.toString());
    }

    private Bids.BidRow ownBid(CurrentUser bidder, UUID bidId) {
        return bidRows.bidOf(bidId, bidder.requireMember()).orElseThrow(() -> ProblemException.notFound("bid", bidId));
    }
}
