package org.sunbid.member.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.sunbid.member.MemberForms;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberRegistration;
import org.sunbid.member.MemberViews;
import org.sunbid.member.RegionCode;

/** Public side of the registry: registration of companies and experts, the agency directory, the region table. */
@RestController
@RequestMapping("/api/public")
@Tag(name = "member registration", description = "会员注册与公开名录 Registration and public directory")
class RegistrationController {

    private final MemberRegistration registration;
    private final MemberManagement members;

    RegistrationController(MemberRegistration registration, MemberManagement members) {
        this.registration = registration;
        this.members = members;
    }

    @PostMapping(path = "/members/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "企业注册（无扫描件） Register a company (bidder, tenderee or agency) without scans")
    MemberViews.Registered register(@Valid @RequestBody MemberForms.CompanyRegistration body) {
        return registration.registerCompany(body, Map.of());
    }

    @PostMapping(path = "/members/registrations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "企业注册（含资质扫描件） Register a company; part 'registration' is JSON, "
            + "files 'qualifications[i].scan' are PNG, JPEG or PDF up to 10 MB")
    MemberViews.Registered registerWithScans(@Valid @RequestPart("registration") MemberForms.CompanyRegistration body,
            MultipartHttpServletRequest request) {
        return registration.registerCompany(body, Uploads.all(request.getFileMap(), "registration"));
    }

    @PostMapping(path = "/experts/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "专家注册 Register an expert")
    MemberViews.Registered registerExpert(@Valid @RequestBody MemberForms.ExpertRegistration body) {
        return registration.registerExpert(body);
    }

    @GetMapping("/agencies")
    @Operation(summary = "招标代理机构名录 Approved agencies, optionally within a region (code prefix)")
    List<MemberViews.Agency> agencies(@RequestParam(required = false) String region) {
        return members.approvedAgencies(region);
    }

    @GetMapping("/regions")
    @Operation(summary = "行政区划代码表 The administrative division codes the registry knows")
    Map<String, String> regions() {
        return RegionCode.table();
    }
}
