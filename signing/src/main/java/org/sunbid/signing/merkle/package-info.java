/** RFC 9162 (Certificate Transparency 2.0) Merkle trees: leaf and node hashes, tree heads, inclusion and consistency proofs. */
package org.sunbid.signing.merkle;
