package org.sunbid.project;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A project's intake facts for oversight figures: no texts, no prices beyond the lots' public estimates. */
public record IntakeFacts(UUID id, String transactionCode, String name, ProjectType type, ProjectStatus status,
        Instant registeredAt, Instant publishedAt, List<ProjectView.LotView> lots) {
}
