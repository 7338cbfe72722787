/** Cryptography for Sunbid: signatures, sealing, threshold keys, timestamps and Merkle proofs; no Spring. */
package org.sunbid.signing;
