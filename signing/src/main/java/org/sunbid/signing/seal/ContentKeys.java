package org.sunbid.signing.seal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientIdentifier;
import org.bouncycastle.asn1.cms.KeyAgreeRecipientInfo;
import org.bouncycastle.asn1.cms.KeyTransRecipientInfo;
import org.bouncycastle.asn1.cms.OriginatorPublicKey;
import org.bouncycastle.asn1.cms.RecipientEncryptedKey;
import org.bouncycastle.asn1.cms.RecipientIdentifier;
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;

/**
 * Finds a key's recipient info in an envelope (by issuer and serial number or subject key identifier) and unwraps the
 * content-encryption key: RSA v1.5/OAEP or SM2 key transport, ECDH key agreement.
 */
final class ContentKeys {

    private ContentKeys() {
    }

    /** The content-encryption key that {@code key}'s recipient info wraps; the caller wipes it after use. */
    static byte[] unwrap(List<RecipientInfo> recipients, AlgorithmIdentifier contentAlg, SigningKey key)
            throws SealFailure, IOException {
        X509Certificate cert = key.certificate();
        X509CertificateHolder holder;
        try {
            holder = new X509CertificateHolder(cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new SealFailure(OpenResult.Failure.WRONG_KEY, "unreadable certificate");
        }
        IssuerAndSerialNumber ias = new IssuerAndSerialNumber(holder.toASN1Structure());
        byte[] ski = subjectKeyId(holder);
        for (RecipientInfo ri : recipients) {
            ASN1Encodable info = ri.getInfo();
            if (info instanceof KeyTransRecipientInfo ktri && matches(ktri.getRecipientIdentifier(), ias, ski)) {
                return keyTransport(ktri, contentAlg, key);
            }
            if (info instanceof KeyAgreeRecipientInfo kari) {
                for (int i = 0; i < kari.getRecipientEncryptedKeys().size(); i++) {
                    RecipientEncryptedKey rek = RecipientEncryptedKey.getInstance(kari.getRecipientEncryptedKeys().getObjectAt(i));
                    if (matches(rek.getIdentifier(), ias, ski)) {
                        return keyAgreement(kari, rek, contentAlg, key, holder);
                    }
                }
            }
        }
        throw new SealFailure(OpenResult.Failure.NOT_A_RECIPIENT,
                "'" + cert.getSubjectX500Principal().getName() + "' is not a recipient of this file");
    }

    private static byte[] subjectKeyId(X509CertificateHolder holder) {
        SubjectKeyIdentifier id = SubjectKeyIdentifier.fromExtensions(holder.getExtensions());
        return id == null ? null : id.getKeyIdentifier();
    }

    private static boolean matches(RecipientIdentifier rid, IssuerAndSerialNumber ias, byte[] ski) {
        ASN1Encodable id = rid.getId();
        if (id instanceof ASN1OctetString o) {
            return ski != null && Arrays.equals(o.getOctets(), ski);
        }
        if (id instanceof ASN1TaggedObject t) {
            return ski != null && Arrays.equals(ASN1OctetString.getInstance(t, false).getOctets(), ski);
        }
        return IssuerAndSerialNumber.getInstance(id).equals(ias);
    }

    private static boolean matches(KeyAgreeRecipientIdentifier rid, IssuerAndSerialNumber ias, byte[] ski) {
        if (rid.getIssuerAndSerialNumber() != null) {
            return rid.getIssuerAndSerialNumber().equals(ias);
        }
        return rid.getRKeyID() != null && ski != null && Arrays.equals(rid.getRKeyID().getSubjectKeyIdentifier().getOctets(), ski);
    }

    private static byte[] keyTransport(KeyTransRecipientInfo ktri, AlgorithmIdentifier contentAlg, SigningKey key) throws SealFailure {
        byte[] encryptedKey = ktri.getEncryptedKey().getOctets();
        if (Sealer.SM2_ENCRYPT.equals(ktri.getKeyEncryptionAlgorithm().getAlgorithm())) {
            try {
                return Sm2Cipher.decrypt(key.privateKey(), encryptedKey);
            } catch (Exception e) {
                throw new SealFailure(OpenResult.Failure.WRONG_KEY, "cannot unwrap the content key with this SM2 key");
            }
        }
        String keyAlg = ktri.getKeyEncryptionAlgorithm().getAlgorithm().getId();
        if (!keyAlg.equals("1.2.840.113549.1.1.1") && !keyAlg.equals("1.2.840.113549.1.1.7")) {
            throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "key transport " + keyAlg);
        }
        try {
            return new KeyTrans(key).cek(ktri.getKeyEncryptionAlgorithm(), contentAlg, encryptedKey);
        } catch (CMSException | RuntimeException e) {
            throw new SealFailure(OpenResult.Failure.WRONG_KEY, "cannot unwrap the content key with this key");
        }
    }

    private static byte[] keyAgreement(KeyAgreeRecipientInfo kari, RecipientEncryptedKey rek, AlgorithmIdentifier contentAlg,
            SigningKey key, X509CertificateHolder holder) throws SealFailure {
        OriginatorPublicKey originator = kari.getOriginator().getOriginatorKey();
        if (originator == null) {
            throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "key agreement without an ephemeral originator key");
        }
        String kdf = kari.getKeyEncryptionAlgorithm().getAlgorithm().getId();
        if (!kdf.startsWith("1.3.132.1.11.") && !kdf.equals("1.3.133.16.840.63.0.2")) {
            throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "key agreement " + kdf);
        }
        AlgorithmIdentifier originatorAlg = originator.getAlgorithm();
        AlgorithmIdentifier recipientAlg = holder.getSubjectPublicKeyInfo().getAlgorithm();
        if (originatorAlg.getParameters() == null || originatorAlg.getParameters() instanceof ASN1Null) {
            originatorAlg = recipientAlg;
        }
        SubjectPublicKeyInfo sender = new SubjectPublicKeyInfo(originatorAlg, originator.getPublicKeyData().getBytes());
        try {
            return new KeyAgree(key).cek(kari.getKeyEncryptionAlgorithm(), contentAlg, sender, kari.getUserKeyingMaterial(),
                    rek.getEncryptedKey().getOctets());
        } catch (CMSException | RuntimeException e) {
            throw new SealFailure(OpenResult.Failure.WRONG_KEY, "cannot unwrap the content key with this key");
        }
    }

    private static final class KeyTrans extends JceKeyTransEnvelopedRecipient {
        KeyTrans(SigningKey key) {
            super(key.privateKey());
        }

        byte[] cek(AlgorithmIdentifier keyEncAlg, AlgorithmIdentifier contentAlg, byte[] encrypted) throws CMSException {
            return extractSecretKey(keyEncAlg, contentAlg, encrypted).getEncoded();
        }
    }

    private static final class KeyAgree extends JceKeyAgreeEnvelopedRecipient {
        KeyAgree(SigningKey key) {
            super(key.privateKey());
            setProvider(Certificates.provider());
        }

        byte[] cek(AlgorithmIdentifier keyEncAlg, AlgorithmIdentifier contentAlg, SubjectPublicKeyInfo sender, ASN1OctetString ukm,
                byte[] encrypted) throws CMSException {
            return extractSecretKey(keyEncAlg, contentAlg, sender, ukm, encrypted).getEncoded();
        }
    }
}
