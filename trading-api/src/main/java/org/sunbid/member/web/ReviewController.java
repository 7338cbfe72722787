package org.sunbid.member.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.CertificateBinding;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberQualifications;
import org.sunbid.member.MemberReview;
import org.sunbid.member.MemberStatus;
import org.sunbid.member.MemberViews;
import org.sunbid.member.QualificationId;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** Centre staff review members; staff and regulators search them and see their relations and history. */
@RestController
@RequestMapping("/api/members")
@Tag(name = "member review", description = "会员审核 Member review (staff) and oversight (regulators)")
class ReviewController {

    private static final String READERS = "hasAnyRole('STAFF','REGULATOR','ADMIN')";
    private static final String REVIEWERS = "hasAnyRole('STAFF','ADMIN')";

    private final MemberManagement members;
    private final MemberReview review;
    private final MemberQualifications qualifications;
    private final CertificateBinding certificates;

    ReviewController(MemberManagement members, MemberReview review, MemberQualifications qualifications,
            CertificateBinding certificates) {
        this.members = members;
        this.review = review;
        this.qualifications = qualifications;
        this.certificates = certificates;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "会员查询 Search members by name, code, role, status, region; paged")
    MemberViews.Page<MemberViews.MemberSummary> search(@RequestParam(required = false) String name,
            @RequestParam(required = false) String uscc, @RequestParam(required = false) Role role,
            @RequestParam(required = false) MemberStatus status, @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return members.search(name, uscc, role, status, region, page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "会员详情 A member in full")
    MemberViews.MemberDetails details(@PathVariable UUID id) {
        return members.details(MemberId.of(id));
    }

    @GetMapping("/{id}/related")
    @PreAuthorize(READERS)
    @Operation(summary = "关联会员 Members linked by legal representative, control or employment")
    List<MemberViews.RelatedMember> related(@PathVariable UUID id) {
        return members.relatedMembers(MemberId.of(id));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(READERS)
    @Operation(summary = "变更记录 Every change to the member")
    List<MemberViews.HistoryEntry> history(@PathVariable UUID id) {
        return members.history(MemberId.of(id));
    }

    @GetMapping("/{id}/qualifications")
    @PreAuthorize(READERS)
    @Operation(summary = "资质证书 The member's qualifications")
    List<MemberViews.Qualification> qualifications(@PathVariable UUID id) {
        members.details(MemberId.of(id));
        return qualifications.qualifications(MemberId.of(id));
    }

    @GetMapping("/{id}/qualifications/{qualification}/scan")
    @PreAuthorize(READERS)
    @Operation(summary = "资质扫描件 The scan of a qualification")
    ResponseEntity<InputStreamResource> scan(@PathVariable UUID id, @PathVariable UUID qualification) {
        return Scans.respond(qualifications.scan(MemberId.of(id), QualificationId.of(qualification))
                .orElseThrow(() -> ProblemException.notFound("qualification", qualification)));
    }

    @GetMapping("/{id}/certificates")
    @PreAuthorize(READERS)
    @Operation(summary = "已绑定证书 The member's certificates")
    List<MemberViews.Certificate> certificates(@PathVariable UUID id) {
        members.details(MemberId.of(id));
        return certificates.certificates(MemberId.of(id));
    }

    @PostMapping("/{id}/certificates")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "审核后绑定证书 Staff bind a member's new certificate after review (a change without the current certificate's endorsement)")
    MemberViews.Certificate bindAfterReview(CurrentUser user, @PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestBody MemberForms.CertificateInput body) {
        members.details(MemberId.of(id));
        return certificates.bindCertificate(MemberId.of(id), body == null ? null : body.certificate(), user.account());
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "审核通过 Approve a pending member")
    MemberViews.MemberDetails approve(CurrentUser user, @PathVariable UUID id) {
        return review.approve(MemberId.of(id), user.account());
    }

    @PostMapping("/{id}/return")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "退回 Return a pending member with a reason")
    MemberViews.MemberDetails returnForCorrection(CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody MemberForms.Decision body) {
        return review.returnForCorrection(MemberId.of(id), reason(body), user.account());
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "暂停 Suspend an approved member (disables its logins)")
    MemberViews.MemberDetails suspend(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody MemberForms.Decision body) {
        return review.suspend(MemberId.of(id), reason(body), user.account());
    }

    @PostMapping("/{id}/reinstatement")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "恢复 Reinstate a suspended member")
    MemberViews.MemberDetails reinstate(CurrentUser user, @PathVariable UUID id,
            @Valid @RequestBody(required = false) MemberForms.Decision body) {
        return review.reinstate(MemberId.of(id), reason(body), user.account());
    }

    @PostMapping("/{id}/cancellation")
    @PreAuthorize(REVIEWERS)
    @Operation(summary = "注销 Cancel a member for good")
    MemberViews.MemberDetails cancel(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody MemberForms.Decision body) {
        return review.cancel(MemberId.of(id), reason(body), user.account());
    }

    private static String reason(MemberForms.Decision body) {
        return body == null ? null : body.reason();
    }
}
