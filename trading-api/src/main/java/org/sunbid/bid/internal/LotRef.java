package org.sunbid.bid.internal;

import java.util.UUID;

/** A lot and its project. */
public record LotRef(UUID lot, UUID project) {
}
