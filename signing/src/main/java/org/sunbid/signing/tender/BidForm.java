package org.sunbid.signing.tender;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bid form ({@code bid-form.json}, schema {@code /schemas/bid-form.schema.json}): lot, price in CNY, duration,
 * quality commitment, project manager, deposit reference and the fingerprint of the machine that prepared it.
 */
public record BidForm(String lot, BigDecimal price, String duration, String quality, String projectManager,
        String depositReference, Map<String, Object> fingerprint) {

    public BidForm {
        Objects.requireNonNull(lot, "lot");
        if (!lot.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("lot is not a lot id: " + lot);
        }
        lot = lot.toLowerCase();
        Objects.requireNonNull(price, "price");
        if (price.signum() <= 0 || price.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("price must be positive with at most 2 decimals");
        }
        price = price.setScale(2);
        if (duration == null || duration.isBlank()) {
            throw new IllegalArgumentException("duration is required");
        }
        quality = quality == null || quality.isBlank() ? "合格" : quality;
        if (projectManager == null || projectManager.isBlank()) {
            throw new IllegalArgumentException("project manager is required");
        }
        fingerprint = fingerprint == null ? Map.of() : Map.copyOf(fingerprint);
    }

    /** The form's JSON fields in their published order, naming the documents packed beside it. */
    Map<String, Object> fields(List<String> documents) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("format", "sunbid-bid-form/1");
        form.put("lot", lot);
        form.put("price", price.toPlainString());
        form.put("currency", "CNY");
        form.put("duration", duration);
        form.put("quality", quality);
        form.put("projectManager", projectManager);
        if (depositReference != null) {
            form.put("depositReference", depositReference);
        }
        form.put("fingerprint", new LinkedHashMap<>(fingerprint));
        form.put("documents", documents);
        return form;
    }
}
