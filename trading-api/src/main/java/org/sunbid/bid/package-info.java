/** Sealed bids: per-lot opening keys split among custodians, signed and sealed submission with instant receipts, the platform's deadline, threshold opening and the opening record. */
package org.sunbid.bid;
