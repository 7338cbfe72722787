package org.sunbid.signing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Arrays;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1SetParser;
import org.bouncycastle.asn1.cms.AuthEnvelopedDataParser;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Decrypts the content stream once the content key is known: AES-256-GCM (as AES-CTR with the tag recomputed, see
 * {@link Opener}) or CBC with padding; returns the plaintext's length, throws {@link SealFailure} on a bad tag or padding.
 */
final class ContentDecryption {

    private static final int BUFFER = Opener.BUFFER;
    /** GCM's 32-bit block counter (and CTR's 128-bit one) agree below 2^32-2 blocks. */
    private static final long MAX_GCM_BYTES = (0xFFFFFFFFL - 2) * 16;

    private ContentDecryption() {
    }

    static long gcm(byte[] cek, AlgorithmIdentifier alg, InputStream ciphertext, AuthEnvelopedDataParser auth,
            OutputStream out) throws IOException, SealFailure {
        GCMParameters params;
        try {
            params = GCMParameters.getInstance(alg.getParameters());
        } catch (RuntimeException e) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "bad GCM parameters");
        }
        byte[] nonce = params.getNonce();
        int tagLength = params.getIcvLen();
        if (nonce.length != 12 || tagLength < 12 || tagLength > 16) {
            throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "GCM with a " + nonce.length + "-byte nonce and "
                    + tagLength + "-byte tag");
        }
        SecretKeySpec keySpec = new SecretKeySpec(cek, "AES");
        Cipher ctr;
        Cipher tagger;
        try {
            byte[] counter = Arrays.copyOf(nonce, 16);
            counter[15] = 2; // J0 = nonce || 0^31 || 1; the first content block uses inc32(J0)
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.DECRYPT_MODE, keySpec, new IvParameterSpec(counter));
            tagger = Cipher.getInstance("AES/GCM/NoPadding");
            tagger.init(Cipher.ENCRYPT_MODE, keySpec, new GCMParameterSpec(tagLength * 8, nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR/GCM unavailable", e);
        }
        byte[] buffer = new byte[BUFFER];
        byte[] plain = new byte[BUFFER + 32];
        byte[] scratch = new byte[BUFFER + 64];
        long total = 0;
        try {
            int n;
            while ((n = ciphertext.read(buffer)) > 0) {
                total += n;
                if (total > MAX_GCM_BYTES) {
                    throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "GCM content larger than 64 GiB");
                }
                for (int off = 0; off < n; off += EnvelopeWriter.SLICE) {
                    int len = Math.min(EnvelopeWriter.SLICE, n - off);
                    int p = ctr.update(buffer, off, len, plain, 0);
                    tagger.update(plain, 0, p, scratch, 0);
                    out.write(plain, 0, p);
                }
            }
            int p = ctr.doFinal(plain, 0);
            if (p > 0) {
                tagger.update(plain, 0, p, scratch, 0);
                out.write(plain, 0, p);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR failed", e);
        }
        ASN1SetParser authAttrs = auth.getAuthAttrs();
        if (authAttrs != null) {
            throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "authenticated attributes are not supported");
        }
        ASN1OctetString mac = auth.getMac();
        if (mac == null) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "no GCM tag");
        }
        byte[] computed;
        try {
            byte[] last = tagger.doFinal();
            computed = Arrays.copyOfRange(last, last.length - tagLength, last.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
        if (!MessageDigest.isEqual(computed, mac.getOctets())) {
            throw new SealFailure(OpenResult.Failure.TAMPERED, "the GCM tag does not match: the sealed file was altered");
        }
        return total;
    }

    static long cbc(String transformation, String keyAlg, Provider provider, byte[] cek, AlgorithmIdentifier alg,
            InputStream ciphertext, OutputStream out) throws IOException, SealFailure {
        byte[] iv;
        try {
            iv = ASN1OctetString.getInstance(alg.getParameters()).getOctets();
        } catch (RuntimeException e) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "bad CBC parameters");
        }
        if (iv.length != 16) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "CBC IV must be 16 bytes");
        }
        try {
            Cipher c = provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, keyAlg), new IvParameterSpec(iv));
            byte[] buffer = new byte[BUFFER];
            byte[] plain = new byte[BUFFER + 32];
            long total = 0;
            int n;
            while ((n = ciphertext.read(buffer)) > 0) {
                int p = c.update(buffer, 0, n, plain, 0);
                out.write(plain, 0, p);
                total += p;
            }
            int p = c.doFinal(plain, 0);
            out.write(plain, 0, p);
            return total + p;
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new SealFailure(OpenResult.Failure.TAMPERED, "bad padding: wrong key or the sealed file was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " unavailable", e);
        }
    }
}
