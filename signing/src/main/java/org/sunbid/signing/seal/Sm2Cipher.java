package org.sunbid.signing.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * SM2 public-key encryption (GM/T 0003.4) of short secrets, with the ciphertext encoded as the DER {@code SM2Cipher}
 * sequence of GM/T 0009 ({@code x, y, hash, cipherText}) that OpenSSL and Chinese CA tooling read, rather than
 * Bouncy Castle's raw C1‖C3‖C2 bytes.
 */
public final class Sm2Cipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2Cipher() {
    }

    public static byte[] encrypt(PublicKey recipient, byte[] secret) {
        try {
            SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(recipient), RANDOM));
            byte[] raw = engine.processBlock(secret, 0, secret.length);
            return toDer(raw);
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot SM2-encrypt to this key: " + e.getMessage(), e);
        }
    }

    public static byte[] decrypt(PrivateKey key, byte[] der) throws InvalidCipherTextException {
        try {
            byte[] raw = fromDer(der);
            SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
            engine.init(false, ECUtil.generatePrivateKeyParameter(key));
            return engine.processBlock(raw, 0, raw.length);
        } catch (InvalidCipherTextException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidCipherTextException("not an SM2Cipher: " + e.getClass().getSimpleName());
        }
    }

    /** C1‖C3‖C2 (C1 = 04‖x‖y, 65 bytes; C3 = SM3 hash, 32 bytes) to DER SM2Cipher. */
    static byte[] toDer(byte[] raw) throws IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))));
        v.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, 65))));
        v.add(new DEROctetString(Arrays.copyOfRange(raw, 65, 97)));
        v.add(new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length)));
        return new DERSequence(v).getEncoded("DER");
    }

    static byte[] fromDer(byte[] der) {
        ASN1Sequence s = ASN1Sequence.getInstance(der);
        if (s.size() != 4) {
            throw new IllegalArgumentException("SM2Cipher must have 4 fields");
        }
        byte[] x = fixed(ASN1Integer.getInstance(s.getObjectAt(0)).getPositiveValue());
        byte[] y = fixed(ASN1Integer.getInstance(s.getObjectAt(1)).getPositiveValue());
        byte[] hash = ASN1OctetString.getInstance(s.getObjectAt(2)).getOctets();
        byte[] c2 = ASN1OctetString.getInstance(s.getObjectAt(3)).getOctets();
        if (hash.length != 32) {
            throw new IllegalArgumentException("SM2Cipher hash must be 32 bytes");
        }
        byte[] raw = new byte[1 + 64 + 32 + c2.length];
        raw[0] = 0x04;
        System.arraycopy(x, 0, raw, 1, 32);
        System.arraycopy(y, 0, raw, 33, 32);
        System.arraycopy(hash, 0, raw, 65, 32);
        System.arraycopy(c2, 0, raw, 97, c2.length);
        return raw;
    }

    private static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length == 32) {
            return b;
        }
        if (b.length > 33 || (b.length == 33 && b[0] != 0)) {
            throw new IllegalArgumentException("coordinate too large");
        }
        byte[] out = new byte[32];
        int copy = Math.min(b.length, 32);
        System.arraycopy(b, b.length - copy, out, 32 - copy, copy);
        return out;
    }
}
