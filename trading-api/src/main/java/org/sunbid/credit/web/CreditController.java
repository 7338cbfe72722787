package org.sunbid.credit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.credit.Ban;
import org.sunbid.credit.BanId;
import org.sunbid.credit.BanKind;
import org.sunbid.credit.BanScope;
import org.sunbid.credit.CreditManagement;
import org.sunbid.credit.CreditRecord;
import org.sunbid.credit.CreditRecordId;
import org.sunbid.credit.Standing;
import org.sunbid.credit.internal.CreditStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.validation.SingleLine;

/** Credit records and bans: regulators decide, staff read, members see their own and ask for corrections. */
@RestController
@RequestMapping("/api/credit")
@Tag(name = "credit", description = "资信审查 Credit review")
class CreditController {

    private final CreditManagement credit;

    CreditController(CreditManagement credit) {
        this.credit = credit;
    }

    /**
     * The decision document travels as Base64 in JSON. Each field's own rule is a constraint here (a 400 naming the
     * field, every broken field listed in {@code errors}); rules across fields (severity by kind, dates in order) are
     * the command's ({@link CreditManagement.NewRecord}).
     */
    record RecordBody(@NotNull(message = REQUIRED) UUID memberId, @NotNull(message = REQUIRED) CreditRecord.Kind kind,
            CreditRecord.Severity severity,
            @NotBlank(message = REQUIRED) @Size(max = CreditManagement.DESCRIPTION_MAX, message = TOO_LONG) String description,
            @NotBlank(message = REQUIRED) @Size(max = CreditManagement.LEGAL_BASIS_MAX, message = TOO_LONG) String legalBasis,
            @NotBlank(message = REQUIRED) @Size(max = CreditManagement.AUTHORITY_MAX, message = TOO_LONG) @SingleLine String authority,
            @NotNull(message = REQUIRED) LocalDate decidedOn, @NotNull(message = REQUIRED) LocalDate effectiveFrom,
            LocalDate effectiveTo, @NotBlank(message = "{credit.document.empty}") String decisionDocument,
            String decisionFilename, String decisionMediaType) {

        CreditManagement.NewRecord toNew() {
            return new CreditManagement.NewRecord(memberId, kind, severity, description, legalBasis, authority,
                    decidedOn, effectiveFrom, effectiveTo, document(decisionDocument, decisionFilename,
                            decisionMediaType));
        }
    }

    /** A ban as decided; the party (member id or code, at least one) is the command's rule ({@link CreditManagement.NewBan}). */
    record BanBody(UUID memberId,
            @Pattern(regexp = CreditManagement.PARTY_CODE, message = "{credit.ban.party-code}") String partyCode,
            @NotNull(message = REQUIRED) BanKind kind, @NotNull(message = REQUIRED) BanScope scope,
            @NotBlank(message = REQUIRED) @Size(max = CreditManagement.REASON_MAX, message = TOO_LONG) String reason,
            @NotBlank(message = REQUIRED) @Size(max = CreditManagement.LEGAL_BASIS_MAX, message = TOO_LONG) String legalBasis,
            @NotBlank(message = REQUIRED) @Size(max = CreditManagement.AUTHORITY_MAX, message = TOO_LONG) @SingleLine String authority,
            @NotNull(message = REQUIRED) LocalDate startsOn, @NotNull(message = REQUIRED) LocalDate endsOn,
            @NotBlank(message = "{credit.document.empty}") String decisionDocument, String decisionFilename,
            String decisionMediaType) {

        CreditManagement.NewBan toNew() {
            return new CreditManagement.NewBan(memberId, partyCode, kind, scope, reason, legalBasis, authority, startsOn, endsOn,
                    document(decisionDocument, decisionFilename, decisionMediaType));
        }
    }

    /** Why a record or ban is revoked. */
    record Revocation(@NotBlank(message = REQUIRED)
            @Size(max = CreditManagement.REVOCATION_REASON_MAX, message = TOO_LONG) String reason) {
    }

    /** Why a member disputes its record. */
    record Dispute(@NotBlank(message = REQUIRED) @Size(max = CreditManagement.REASON_MAX, message = TOO_LONG) String reason) {
    }

    static final String REQUIRED = "{credit.field.required}";
    static final String TOO_LONG = "{credit.field.too-long.edge}";

    static CreditManagement.Document document(String base64, String filename, String mediaType) {
        try {
            return new CreditManagement.Document(filename, mediaType, Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("decisionDocument", "credit.document.not-base64");
        }
    }

    @PostMapping("/records")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "登记良好或不良行为记录 Record good or bad behaviour")
    CreditRecord add(CurrentUser user, @Valid @RequestBody RecordBody body) {
        return credit.addRecord(body.toNew(), user.account());
    }

    @PostMapping("/records/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "更正记录（生成引用原记录的新记录） Correct a record with a new one referring to it")
    CreditRecord correct(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody RecordBody body) {
        return credit.correctRecord(new CreditRecordId(id), body.toNew(), user.account());
    }

    @PostMapping("/records/{id}/revocation")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "撤销记录 Revoke a record")
    CreditRecord revoke(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Revocation body) {
        return credit.revokeRecord(new CreditRecordId(id), body.reason(), user.account());
    }

    @GetMapping("/members/{memberId}/records")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "会员的全部记录 All records of a member")
    List<CreditRecord> records(@PathVariable UUID memberId) {
        return credit.recordsOf(new MemberId(memberId));
    }

    @GetMapping("/members/{memberId}/bans")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "会员的全部禁入决定 All bans of a member")
    List<Ban> bans(@PathVariable UUID memberId) {
        return credit.bansOf(new MemberId(memberId));
    }

    @GetMapping("/members/{memberId}/score")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "信用分 Credit score")
    CreditManagement.Score score(@PathVariable UUID memberId) {
        return credit.score(new MemberId(memberId), Instant.now());
    }

    @GetMapping("/members/{memberId}/standing")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "准入检查结果 Standing at a gate")
    Map<String, Object> standing(@PathVariable UUID memberId,
            @RequestParam(defaultValue = "ALL") BanScope scope) {
        return describe(credit.standing(new MemberId(memberId), scope, Instant.now()));
    }

    @GetMapping("/correction-requests")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "会员提出的更正申请 Correction requests from members")
    List<CreditStore.CorrectionRequest> correctionRequests() {
        return credit.correctionRequests();
    }

    @PostMapping("/bans")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "作出禁入决定（列入黑名单） Ban a member")
    Ban ban(CurrentUser user, @Valid @RequestBody BanBody body) {
        return credit.imposeBan(body.toNew(), user.account());
    }

    @PostMapping("/bans/{id}/revocation")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN')")
    @Operation(summary = "撤销禁入决定 Revoke a ban")
    Ban revokeBan(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Revocation body) {
        return credit.revokeBan(new BanId(id), body.reason(), user.account());
    }

    @GetMapping("/documents/{sha256}")
    @PreAuthorize("hasAnyRole('REGULATOR','ADMIN','STAFF')")
    @Operation(summary = "决定文书 A decision document by its SHA-256")
    ResponseEntity<byte[]> document(@PathVariable String sha256) {
        CreditStore.Document d = credit.document(sha256)
                .orElseThrow(() -> ProblemException.notFound("document", sha256));
        MediaType type;
        try {
            type = MediaType.parseMediaType(d.mediaType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + d.filename().replace("\"", "") + "\"")
                .body(d.content());
    }

    @GetMapping("/me/records")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "本会员的信用记录 The caller's own records")
    List<CreditRecord> myRecords(CurrentUser user) {
        return credit.recordsOf(new MemberId(user.requireMember()));
    }

    @GetMapping("/me/standing")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "本会员的准入状态与警示 The caller's standing and warnings (shown after login)")
    Map<String, Object> myStanding(CurrentUser user) {
        return describe(credit.standing(new MemberId(user.requireMember()), BanScope.ALL, Instant.now()));
    }

    @PostMapping("/me/records/{id}/correction-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "对本会员记录提出更正申请 Ask for a correction of one's own record")
    Map<String, UUID> requestCorrection(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody Dispute body) {
        return Map.of("id", credit.requestCorrection(new MemberId(user.requireMember()), new CreditRecordId(id), body.reason(), user.account()).value());
    }

    static Map<String, Object> describe(Standing standing) {
        if (standing instanceof Standing.Banned b) {
            return Map.of("outcome", "BANNED", "ban", b.ban());
        }
        if (standing instanceof Standing.Warned w) {
            return Map.of("outcome", "WARNED", "publishedBadRecords", w.publishedBadRecords(), "otherBans",
                    w.otherBans());
        }
        return Map.of("outcome", "CLEAR");
    }
}
