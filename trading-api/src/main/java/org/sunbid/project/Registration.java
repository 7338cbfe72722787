package org.sunbid.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sunbid.member.validation.RegionCode;

/**
 * A project as its tenderee or agent registers it. When an agent registers, {@code tendereeMemberId} names the
 * tenderee it acts for; a tenderee registering for itself leaves it empty.
 */
public record Registration(
        @NotBlank @Size(max = 200) String name,
        @NotNull ProjectType type,
        @NotNull Procedure procedure,
        @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal estimatedValue,
        @NotBlank @Size(max = 200) String fundingSource,
        @NotBlank @Size(max = 200) String approvalReference,
        @NotBlank @RegionCode String regionCode,
        @NotEmpty @Size(max = 10) List<@NotBlank String> classificationCodes,
        @NotBlank @Size(max = 200) String tendereeName,
        UUID tendereeMemberId,
        @Size(max = 200) String agencyName,
        @NotBlank @Size(max = 40) String evaluationMethod,
        @NotNull Instant documentsOnSaleFrom,
        @NotNull Instant documentsOnSaleUntil,
        @NotNull Instant bidDeadline,
        @NotNull Instant openingAt,
        @NotBlank @Size(max = 200) String openingPlace,
        @NotBlank @Size(max = 20000) String announcement,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull LotRegistration> lots) {

    /** A lot (标段) with its own estimate and deposit; at most one reference price, which must be confidential. */
    public record LotRegistration(
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal estimate,
            @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal deposit,
            @Valid ReferencePrice referencePrice) {
    }

    /** 标底 (CONFIDENTIAL) is allowed; a minimum price (MINIMUM, 最低投标限价) is refused by rule. */
    public record ReferencePrice(@NotNull Kind kind,
            @NotNull @DecimalMin("0.00") @Digits(integer = 15, fraction = 2) BigDecimal amount) {
        public enum Kind { CONFIDENTIAL, MINIMUM }
    }
}
