/** Threshold keys: Shamir k-of-n splitting (GF(256), Bouncy Castle) with split ids, indices and integrity commitments, each share sealed to its custodian. */
package org.sunbid.signing.threshold;
