package org.sunbid.signing.keys;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;

/**
 * Refuses PKCS#12 files whose password-based key derivation or MAC asks for an absurd iteration count, so a
 * corrupted or hostile key file fails fast instead of burning CPU for minutes. Looks for every
 * {@code (salt OCTET STRING, count INTEGER)} pair (PBKDF2-params, PKCS12PBEParams, MacData), also inside OCTET STRINGs.
 */
final class IterationGuard {

    static final long MAX_ITERATIONS = 5_000_000;
    private static final int MAX_DEPTH = 24;

    private IterationGuard() {
    }

    static void check(byte[] pkcs12) {
        ASN1Primitive root;
        try {
            root = ASN1Primitive.fromByteArray(pkcs12);
        } catch (Exception e) {
            throw new KeyFileException(KeyFileException.Reason.MALFORMED, "not a PKCS#12 key file");
        }
        walk(root, 0);
    }

    private static void walk(ASN1Encodable node, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        ASN1Primitive p = node.toASN1Primitive();
        if (p instanceof ASN1Sequence seq) {
            ASN1Encodable previous = null;
            for (ASN1Encodable e : seq) {
                if (previous instanceof ASN1OctetString && e instanceof ASN1Integer count
                        && (count.getValue().bitLength() > 62 || count.getValue().longValue() > MAX_ITERATIONS)) {
                    throw new KeyFileException(KeyFileException.Reason.MALFORMED, "key file asks for an absurd iteration count");
                }
                previous = e;
                walk(e, depth + 1);
            }
        } else if (p instanceof ASN1Set set) {
            for (ASN1Encodable e : set) {
                walk(e, depth + 1);
            }
        } else if (p instanceof ASN1TaggedObject tagged) {
            try {
                walk(tagged.getBaseObject(), depth + 1);
            } catch (RuntimeException ignored) {
                // implicitly tagged primitive: nothing to look into
            }
        } else if (p instanceof ASN1OctetString octets) {
            byte[] inner = octets.getOctets();
            if (inner.length > 1 && (inner[0] == 0x30 || inner[0] == 0x31)) {
                try {
                    walk(ASN1Primitive.fromByteArray(inner), depth + 1);
                } catch (Exception notDer) {
                    // ciphertext or opaque bytes
                }
            }
        }
    }
}
