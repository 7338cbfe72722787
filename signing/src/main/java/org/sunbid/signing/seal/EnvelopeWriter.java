package org.sunbid.signing.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.BEROctetStringGenerator;
import org.bouncycastle.asn1.BERSequenceGenerator;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.operator.jcajce.JceGenericKey;
import org.sunbid.signing.certs.Certificates;

/**
 * Writes CMS AuthEnvelopedData (RFC 5083, AES-256-GCM) and EnvelopedData (RFC 5652, AES-256-CBC / SM4-CBC) as BER,
 * streaming, with the JDK's AES fed 64 KiB at a time. Bouncy Castle's own stream generators route the content through
 * small writes and reach only ~30 MB/s (GCM) / ~170 MB/s (CBC) here; the structure is the same.
 */
final class EnvelopeWriter {

    private static final int CHUNK = 64 * 1024;
    private static final int TAG_BYTES = 16;
    /**
     * The JDK's GCM reaches its intrinsic (GB/s) only once C2 has compiled its GHASH caller, which takes ~5,000
     * calls: 8 KiB updates get there within the first ~40 MiB, 64 KiB updates only after ~300 MiB (measured).
     */
    static final int SLICE = 8 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnvelopeWriter() {
    }

    static void write(InputStream content, OutputStream out, List<RecipientInfoGenerator> recipients, ContentCipher cipher)
            throws IOException, GeneralSecurityException, CMSException {
        boolean sm4 = cipher == ContentCipher.SM4_CBC;
        byte[] keyBytes = new byte[sm4 ? 16 : 32];
        RANDOM.nextBytes(keyBytes);
        SecretKeySpec key = new SecretKeySpec(keyBytes, sm4 ? "SM4" : "AES");
        try {
            AlgorithmIdentifier contentAlg;
            Cipher c;
            if (cipher == ContentCipher.AES_256_GCM) {
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                contentAlg = new AlgorithmIdentifier(CMSAlgorithm.AES256_GCM, new GCMParameters(nonce, TAG_BYTES));
                c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            } else {
                byte[] iv = new byte[16];
                RANDOM.nextBytes(iv);
                contentAlg = new AlgorithmIdentifier(sm4 ? CMSAlgorithm.SM4_CBC : CMSAlgorithm.AES256_CBC, new DEROctetString(iv));
                c = sm4 ? Cipher.getInstance("SM4/CBC/PKCS5Padding", Certificates.provider()) : Cipher.getInstance("AES/CBC/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            }

            ASN1EncodableVector infos = new ASN1EncodableVector();
            boolean allVersionZero = true;
            JceGenericKey generic = new JceGenericKey(contentAlg, key);
            for (RecipientInfoGenerator g : recipients) {
                RecipientInfo info = g.generate(generic);
                if (!(info.getInfo() instanceof KeyTransRecipientInfo ktri) || ktri.getVersion().intValueExact() != 0) {
                    allVersionZero = false;
                }
                infos.add(info);
            }

            boolean authenticated = cipher == ContentCipher.AES_256_GCM;
            BERSequenceGenerator contentInfo = new BERSequenceGenerator(out);
            contentInfo.addObject(authenticated ? CMSObjectIdentifiers.authEnvelopedData : CMSObjectIdentifiers.envelopedData);
            BERSequenceGenerator body = new BERSequenceGenerator(contentInfo.getRawOutputStream(), 0, true);
            body.addObject(new ASN1Integer(authenticated || allVersionZero ? 0 : 2));
            body.addObject(new DERSet(infos));
            BERSequenceGenerator eci = new BERSequenceGenerator(body.getRawOutputStream());
            eci.addObject(CMSObjectIdentifiers.data);
            eci.addObject(contentAlg);
            BEROctetStringGenerator octets = new BEROctetStringGenerator(eci.getRawOutputStream(), 0, false);
            byte[] tag = null;
            try (OutputStream encrypted = octets.getOctetOutputStream(new byte[CHUNK])) {
                byte[] buffer = new byte[CHUNK];
                byte[] ct = new byte[CHUNK + 64];
                int n;
                while ((n = content.read(buffer)) > 0) {
                    for (int off = 0; off < n; off += SLICE) {
                        int m = c.update(buffer, off, Math.min(SLICE, n - off), ct, 0);
                        encrypted.write(ct, 0, m);
                    }
                }
                byte[] last = c.doFinal();
                if (authenticated) {
                    tag = Arrays.copyOfRange(last, last.length - TAG_BYTES, last.length);
                    encrypted.write(last, 0, last.length - TAG_BYTES);
                } else {
                    encrypted.write(last);
                }
            }
            eci.close();
            if (authenticated) {
                body.addObject(new DEROctetString(tag));
            }
            body.close();
            contentInfo.close();
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
