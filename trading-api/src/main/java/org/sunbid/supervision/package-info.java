/** Supervision (统一电子监察监控): an append-only, Merkle-tree-backed log of every event, with signed tree heads and proofs. */
package org.sunbid.supervision;
