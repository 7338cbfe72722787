package org.sunbid.member.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.CurrentUser;
import org.sunbid.member.CertificateBinding;
import org.sunbid.member.CertificateId;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberProfiles;
import org.sunbid.member.MemberQualifications;
import org.sunbid.member.MemberViews;
import org.sunbid.member.QualificationId;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/** A member's own profile, qualifications and certificates. */
@RestController
@RequestMapping("/api/members/me")
@PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
@Tag(name = "member self-service", description = "会员自助 A member's own data")
class SelfServiceController {

    private final MemberManagement members;
    private final MemberProfiles profiles;
    private final MemberQualifications qualifications;
    private final CertificateBinding certificates;

    SelfServiceController(MemberManagement members, MemberProfiles profiles, MemberQualifications qualifications,
            CertificateBinding certificates) {
        this.members = members;
        this.profiles = profiles;
        this.qualifications = qualifications;
        this.certificates = certificates;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "本会员资料 The caller's member record")
    MemberViews.MemberDetails me(CurrentUser user) {
        return members.details(MemberId.of(user.requireMember()));
    }

    @PutMapping("/profile")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT')")
    @Operation(summary = "修改企业资料（核验字段变更需重新审核） Replace the company profile; verified fields send it back to review")
    MemberViews.MemberDetails changeProfile(CurrentUser user, @Valid @RequestBody MemberForms.CompanyProfileInput body) {
        return profiles.changeCompanyProfile(caller(user), body, user.account());
    }

    @PutMapping("/expert-profile")
    @PreAuthorize("hasRole('EXPERT')")
    @Operation(summary = "修改专家资料 Replace the expert profile")
    MemberViews.MemberDetails changeExpertProfile(CurrentUser user, @Valid @RequestBody MemberForms.ExpertProfileInput body) {
        return profiles.changeExpertProfile(caller(user), body, user.account());
    }

    @GetMapping("/history")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "本会员变更记录 Changes to the caller's member record")
    List<MemberViews.HistoryEntry> history(CurrentUser user) {
        return members.history(MemberId.of(user.requireMember()));
    }

    @GetMapping("/qualifications")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "资质证书 Qualification certificates, expired ones flagged")
    List<MemberViews.Qualification> qualifications(CurrentUser user) {
        return qualifications.qualifications(caller(user));
    }

    @GetMapping("/qualifications/expiring")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "即将到期的资质 Qualifications expired or expiring within the given days (30 by default)")
    List<MemberViews.Qualification> expiring(CurrentUser user, @RequestParam(defaultValue = "30") int days) {
        return qualifications.expiringQualifications(caller(user), days);
    }

    @PostMapping(path = "/qualifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "添加资质证书 Add a qualification: part 'qualification' (JSON) and file 'scan'")
    MemberViews.Qualification addQualification(CurrentUser user,
            @Valid @RequestPart("qualification") MemberForms.QualificationInput qualification,
            @RequestPart("scan") MultipartFile scan) {
        return qualifications.addQualification(caller(user), qualification, Uploads.of("scan", scan),
                user.account());
    }

    @GetMapping("/qualifications/{id}/scan")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "资质扫描件 The scan of one of the caller's qualifications")
    ResponseEntity<InputStreamResource> scan(CurrentUser user, @PathVariable UUID id) {
        return Scans.respond(qualifications.scan(caller(user), QualificationId.of(id))
                .orElseThrow(() -> ProblemException.notFound("qualification", id)));
    }

    @GetMapping("/certificates")
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "已绑定的证书 Bound certificates")
    List<MemberViews.Certificate> certificates(CurrentUser user) {
        return certificates.certificates(caller(user));
    }

    @PostMapping("/certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "绑定数字证书 Bind an X.509 certificate (PEM, or base64 DER): RSA, EC P-256 or SM2")
    MemberViews.Certificate bind(CurrentUser user, @RequestBody MemberForms.CertificateInput body) {
        return certificates.bindOwnCertificate(caller(user), body == null ? null : body.certificate(),
                body == null ? null : body.endorsement(), user.account());
    }

    @DeleteMapping("/certificates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('BIDDER','TENDEREE','AGENT','EXPERT')")
    @Operation(summary = "解绑证书 Revoke a bound certificate")
    void revoke(CurrentUser user, @PathVariable UUID id) {
        certificates.revokeCertificate(caller(user), CertificateId.of(id), user.account());
    }

    private static MemberId caller(CurrentUser user) {
        return MemberId.of(user.requireMember());
    }
}
