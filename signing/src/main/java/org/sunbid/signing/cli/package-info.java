/** The {@code bidtool} command line: keys, signatures, sealing, threshold shares, time-stamps and Merkle proofs. */
package org.sunbid.signing.cli;
