/**
 * The shared kernel of identifiers: the typed ids that several features pass to each other ({@link ProjectId},
 * {@link LotId}, {@link MemberId}, {@link BidId}). They live here, in the open platform module every feature may use,
 * because lower features (notice, document, archive, schedule, identity, complaint, deposit, …) must name a project,
 * a lot, a member or a bid without depending on the feature that owns it, which would make a cycle. Each id is a
 * record over a {@link java.util.UUID} with no behaviour beyond parsing; an id only one feature and those above it
 * use stays in that feature's package.
 */
package org.sunbid.platform.id;
