package org.sunbid.deposit.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.deposit.GuaranteeIssuerId;
import org.sunbid.deposit.GuaranteeManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;

/** Electronic guarantees (电子保函): the issuers' trust list (staff) and bidders' guarantee uploads. */
@RestController
@Validated
@Tag(name = "deposit", description = "保证金 Deposits")
class GuaranteeController {

    private final GuaranteeManagement guarantees;

    GuaranteeController(GuaranteeManagement guarantees) {
        this.guarantees = guarantees;
    }

    @PostMapping(path = "/api/projects/{projectId}/lots/{lotId}/guarantee", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "上传电子保函 Upload an electronic guarantee (CMS SignedData over the guarantee JSON, DER)")
    GuaranteeManagement.GuaranteeView upload(CurrentUser user, @PathVariable UUID projectId, @PathVariable UUID lotId,
            HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(GuaranteeManagement.MAX_BYTES + 1);
        }
        if (body.length > GuaranteeManagement.MAX_BYTES) {
            throw ProblemException.invalid("document", "deposit.guarantee.size", GuaranteeManagement.MAX_BYTES);
        }
        return guarantees.upload(user, ProjectId.of(projectId), LotId.of(lotId), body);
    }

    @GetMapping("/api/deposits/guarantees/mine")
    @PreAuthorize("hasRole('BIDDER')")
    @Operation(summary = "我的电子保函 My electronic guarantees")
    List<GuaranteeManagement.GuaranteeView> mine(CurrentUser user) {
        return guarantees.mine(user);
    }

    record NewIssuer(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 20000) String certificate) {
    }

    record Created(UUID id) {
    }

    @GetMapping("/api/deposits/guarantee-issuers")
    @PreAuthorize("hasAnyRole('STAFF','REGULATOR')")
    @Operation(summary = "保函开立机构信任列表 The trust list of guarantee issuers")
    List<GuaranteeManagement.IssuerView> issuers() {
        return guarantees.issuers();
    }

    @PostMapping("/api/deposits/guarantee-issuers")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "加入信任列表 Put an issuer's certificate (PEM) on the trust list")
    Created trust(CurrentUser user, @RequestBody @Valid NewIssuer body) {
        return new Created(guarantees.trustIssuer(user, body.name(), body.certificate()).value());
    }

    @DeleteMapping("/api/deposits/guarantee-issuers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "移出信任列表 Take an issuer off the trust list (accepted guarantees stay)")
    void remove(CurrentUser user, @PathVariable UUID id) {
        guarantees.removeIssuer(user, GuaranteeIssuerId.of(id));
    }

    record BidValidityDays(@NotNull @Min(1) @Max(365) Integer days) {
    }

    @GetMapping("/api/projects/{projectId}/bid-validity")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "投标有效期 A project's bid validity period (days from the bid deadline) guarantees must cover")
    GuaranteeManagement.BidValidity bidValidity(@PathVariable UUID projectId) {
        return guarantees.bidValidity(ProjectId.of(projectId));
    }

    @PutMapping("/api/projects/{projectId}/bid-validity")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "登记投标有效期 Record the bid validity period of the tender documents (before the deadline)")
    GuaranteeManagement.BidValidity setBidValidity(CurrentUser user, @PathVariable UUID projectId,
            @Valid @RequestBody BidValidityDays body) {
        return guarantees.setBidValidity(user, ProjectId.of(projectId), body.days());
    }
}
