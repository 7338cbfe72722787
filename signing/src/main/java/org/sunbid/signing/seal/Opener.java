package org.sunbid.signing.seal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1OctetStringParser;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1SetParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.AuthEnvelopedDataParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.asn1.cms.EncryptedContentInfoParser;
import org.bouncycastle.asn1.cms.EnvelopedDataParser;
import org.bouncycastle.asn1.cms.GCMParameters;
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
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JceKeyAgreeEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;

/**
 * Opens CMS EnvelopedData / AuthEnvelopedData (ours or openssl's) with one recipient key, streaming in constant
 * memory into a temporary file beside the output; the output appears only after the GCM tag (or CBC padding) checks.
 *
 * <p>AES-GCM is opened by AES-CTR decryption (JDK, AES-NI) while the recovered plaintext is re-encrypted with the
 * JDK's streaming AES-GCM under the same key and nonce only to recompute the tag, which is compared in constant time
 * with the received one. That runs at JDK speed where Bouncy Castle's CMS path (which cannot use the JDK's GCM for
 * decryption) manages ~150 MB/s.
 */
public final class Opener {

    private static final int BUFFER = 64 * 1024;
    /** GCM's 32-bit block counter (and CTR's 128-bit one) agree below 2^32-2 blocks. */
    private static final long MAX_GCM_BYTES = (0xFFFFFFFFL - 2) * 16;

    private Opener() {
    }

    public static OpenResult open(Path sealed, SigningKey key, Path output) {
        try (InputStream in = Files.newInputStream(sealed)) {
            return open(in, key, output);
        } catch (IOException e) {
            return new OpenResult.Failed(OpenResult.Failure.IO_ERROR, "cannot read " + sealed.getFileName() + ": " + e.getMessage());
        }
    }

    /** Opens {@code sealed} into {@code output}; on any failure {@code output} is left untouched. */
    public static OpenResult open(InputStream sealed, SigningKey key, Path output) {
        return openTo(sealed, recipient(key), key.certificate(), output);
    }

    /**
     * Opens {@code sealed} with a content-encryption key that one of its recipients recovered and handed over (see
     * {@link #recoverContentKey}); the GCM tag (or CBC padding) proves the key belongs to this file's ciphertext. The
     * {@link OpenResult.Opened#recipient()} of the result is null: no recipient key was used.
     */
    public static OpenResult openWithContentKey(Path sealed, byte[] contentKey, Path output) {
        if (contentKey == null || contentKey.length == 0) {
            return new OpenResult.Failed(OpenResult.Failure.WRONG_KEY, "no content key");
        }
        try (InputStream in = Files.newInputStream(sealed)) {
            return openTo(in, given(contentKey), null, output);
        } catch (IOException e) {
            return new OpenResult.Failed(OpenResult.Failure.IO_ERROR, "cannot read " + sealed.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * Recovers the content-encryption key that {@code key}'s recipient info wraps, reading only the envelope's header.
     * A recipient hands it to a party who must check that a decrypted file it received is this sealed file's content.
     * The caller owns the returned array and should wipe it after use.
     *
     * @throws ContentKeyException naming why the key could not be recovered
     */
    public static byte[] recoverContentKey(Path sealed, SigningKey key) throws ContentKeyException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(sealed), BUFFER)) {
            ASN1StreamParser parser = new ASN1StreamParser(in);
            if (!(parser.readObject() instanceof ASN1SequenceParser seq)) {
                throw new SealFailure(OpenResult.Failure.MALFORMED, "not a CMS ContentInfo");
            }
            ContentInfoParser contentInfo = new ContentInfoParser(seq);
            ASN1ObjectIdentifier type = contentInfo.getContentType();
            boolean authenticated = CMSObjectIdentifiers.authEnvelopedData.equals(type);
            if (!authenticated && !CMSObjectIdentifiers.envelopedData.equals(type)) {
                throw new SealFailure(OpenResult.Failure.MALFORMED, "not an EnvelopedData or AuthEnvelopedData (" + type + ")");
            }
            if (!(contentInfo.getContent(BERTags.SEQUENCE) instanceof ASN1SequenceParser body)) {
                throw new SealFailure(OpenResult.Failure.MALFORMED, "missing content");
            }
            List<RecipientInfo> recipients;
            EncryptedContentInfoParser eci;
            if (authenticated) {
                AuthEnvelopedDataParser auth = new AuthEnvelopedDataParser(body);
                auth.getOriginatorInfo();
                recipients = readRecipients(auth.getRecipientInfos());
                eci = auth.getAuthEncryptedContentInfo();
            } else {
                EnvelopedDataParser enveloped = new EnvelopedDataParser(body);
                enveloped.getOriginatorInfo();
                recipients = readRecipients(enveloped.getRecipientInfos());
                eci = enveloped.getEncryptedContentInfo();
            }
            if (eci == null) {
                throw new SealFailure(OpenResult.Failure.MALFORMED, "no encrypted content");
            }
            AlgorithmIdentifier contentAlg = eci.getContentEncryptionAlgorithm();
            cipherOf(contentAlg.getAlgorithm(), authenticated);
            return unwrapContentKey(recipients, contentAlg, key);
        } catch (SealFailure f) {
            throw new ContentKeyException(f.failure, f.getMessage());
        } catch (IOException e) {
            throw new ContentKeyException(OpenResult.Failure.MALFORMED, "truncated or malformed sealed file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new ContentKeyException(OpenResult.Failure.MALFORMED, "not a CMS sealed file: " + e.getClass().getSimpleName());
        }
    }

    private static OpenResult openTo(InputStream sealed, KeySource key, X509Certificate recipient, Path output) {
        Path parent = output.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + output.getFileName() + "-", ".part");
            OpenResult result;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                result = decrypt(new BufferedInputStream(sealed, BUFFER), key, recipient, out);
                if (result.isOpened()) {
                    channel.force(true);
                }
            }
            if (result.isOpened()) {
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return result;
        } catch (IOException e) {
            return new OpenResult.Failed(OpenResult.Failure.IO_ERROR, "cannot write " + output.getFileName() + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named .part
                }
            }
        }
    }

    /**
     * Opens into a caller's stream, for small in-memory secrets. The stream receives plaintext BEFORE the tag is
     * checked: the caller must discard everything written unless the result is {@link OpenResult.Opened}.
     */
    public static OpenResult openUnverifiedInto(InputStream sealed, SigningKey key, OutputStream out) {
        return decrypt(new BufferedInputStream(sealed, BUFFER), key, out);
    }

    /** An output write failed: distinct from the input's (parse) IOExceptions. */
    private static final class OutputFailure extends RuntimeException {
        OutputFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Where the content-encryption key comes from: a recipient's private key, or a key handed over by a recipient. */
    @FunctionalInterface
    private interface KeySource {
        byte[] contentKey(List<RecipientInfo> recipients, AlgorithmIdentifier contentAlg) throws SealFailure, IOException;
    }

    private static KeySource recipient(SigningKey key) {
        return (recipients, contentAlg) -> unwrapContentKey(recipients, contentAlg, key);
    }

    private static KeySource given(byte[] contentKey) {
        return (recipients, contentAlg) -> contentKey.clone();
    }

    private static OpenResult decrypt(InputStream in, SigningKey key, OutputStream target) {
        return decrypt(in, recipient(key), key.certificate(), target);
    }

    private static OpenResult decrypt(InputStream in, KeySource key, X509Certificate recipient, OutputStream target) {
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    target.write(b, off, len);
                } catch (IOException e) {
                    throw new OutputFailure(e);
                }
            }
        };
        try {
            return doDecrypt(in, key, recipient, out);
        } catch (SealFailure f) {
            return new OpenResult.Failed(f.failure, f.getMessage());
        } catch (OutputFailure e) {
            return new OpenResult.Failed(OpenResult.Failure.IO_ERROR, "cannot write the output: " + e.getMessage());
        } catch (IOException e) {
            return new OpenResult.Failed(OpenResult.Failure.MALFORMED, "truncated or malformed sealed file (" + e.getMessage() + ")");
        } catch (RuntimeException | StackOverflowError e) {
            return new OpenResult.Failed(OpenResult.Failure.MALFORMED, "not a CMS sealed file: " + e.getClass().getSimpleName());
        }
    }

    private static OpenResult doDecrypt(InputStream in, KeySource key, X509Certificate recipient, OutputStream out)
            throws IOException, SealFailure {
        ASN1StreamParser parser = new ASN1StreamParser(in);
        ASN1Encodable first = parser.readObject();
        if (!(first instanceof ASN1SequenceParser seq)) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "not a CMS ContentInfo");
        }
        ContentInfoParser contentInfo = new ContentInfoParser(seq);
        ASN1ObjectIdentifier type = contentInfo.getContentType();
        boolean authenticated;
        if (CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
            authenticated = true;
        } else if (CMSObjectIdentifiers.envelopedData.equals(type)) {
            authenticated = false;
        } else {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "not an EnvelopedData or AuthEnvelopedData (" + type + ")");
        }
        ASN1Encodable body = contentInfo.getContent(BERTags.SEQUENCE);
        if (!(body instanceof ASN1SequenceParser bodySeq)) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "missing content");
        }
        AuthEnvelopedDataParser auth = null;
        ASN1SetParser recipientSet;
        EncryptedContentInfoParser eci;
        if (authenticated) {
            auth = new AuthEnvelopedDataParser(bodySeq);
            auth.getOriginatorInfo();
            recipientSet = auth.getRecipientInfos();
            List<RecipientInfo> recipients = readRecipients(recipientSet);
            eci = auth.getAuthEncryptedContentInfo();
            return decryptContent(recipients, eci, auth, key, recipient, out);
        }
        EnvelopedDataParser enveloped = new EnvelopedDataParser(bodySeq);
        enveloped.getOriginatorInfo();
        List<RecipientInfo> recipients = readRecipients(enveloped.getRecipientInfos());
        eci = enveloped.getEncryptedContentInfo();
        return decryptContent(recipients, eci, null, key, recipient, out);
    }

    private static List<RecipientInfo> readRecipients(ASN1SetParser set) throws IOException, SealFailure {
        if (set == null) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "no recipients");
        }
        List<RecipientInfo> list = new ArrayList<>();
        ASN1Encodable o;
        while ((o = set.readObject()) != null) {
            if (list.size() > 1000) {
                throw new SealFailure(OpenResult.Failure.MALFORMED, "too many recipients");
            }
            list.add(RecipientInfo.getInstance(o.toASN1Primitive()));
        }
        return list;
    }

    private static OpenResult decryptContent(List<RecipientInfo> recipients, EncryptedContentInfoParser eci,
            AuthEnvelopedDataParser auth, KeySource key, X509Certificate recipient, OutputStream out) throws IOException, SealFailure {
        if (eci == null) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "no encrypted content");
        }
        AlgorithmIdentifier contentAlg = eci.getContentEncryptionAlgorithm();
        ContentCipher cipher = cipherOf(contentAlg.getAlgorithm(), auth != null);
        byte[] cek = key.contentKey(recipients, contentAlg);
        if (cipher == ContentCipher.SM4_CBC ? cek.length != 16 : cek.length != 32) {
            throw new SealFailure(OpenResult.Failure.WRONG_KEY, "content key has the wrong length");
        }
        ASN1Encodable encrypted = eci.getEncryptedContent(BERTags.OCTET_STRING);
        if (!(encrypted instanceof ASN1OctetStringParser octets)) {
            throw new SealFailure(OpenResult.Failure.MALFORMED, "no encrypted content (detached content is not supported)");
        }
        long bytes;
        try (InputStream ciphertext = octets.getOctetStream()) {
            bytes = switch (cipher) {
                case AES_256_GCM -> gcm(cek, contentAlg, ciphertext, auth, out);
                case AES_256_CBC -> cbc("AES/CBC/PKCS5Padding", "AES", null, cek, contentAlg, ciphertext, out);
                case SM4_CBC -> cbc("SM4/CBC/PKCS5Padding", "SM4", Certificates.provider(), cek, contentAlg, ciphertext, out);
            };
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
        return new OpenResult.Opened(bytes, cipher, recipient);
    }

    private static ContentCipher cipherOf(ASN1ObjectIdentifier oid, boolean authenticated) throws SealFailure {
        if (authenticated && CMSAlgorithm.AES256_GCM.equals(oid)) {
            return ContentCipher.AES_256_GCM;
        }
        if (!authenticated && CMSAlgorithm.AES256_CBC.equals(oid)) {
            return ContentCipher.AES_256_CBC;
        }
        if (!authenticated && CMSAlgorithm.SM4_CBC.equals(oid)) {
            return ContentCipher.SM4_CBC;
        }
        throw new SealFailure(OpenResult.Failure.UNSUPPORTED_ALGORITHM, "content encryption " + oid);
    }

    // ------------------------------------------------------------------ content key

    private static byte[] unwrapContentKey(List<RecipientInfo> recipients, AlgorithmIdentifier contentAlg, SigningKey key)
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
        if (id instanceof org.bouncycastle.asn1.ASN1TaggedObject t) {
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
        if (originatorAlg.getParameters() == null || originatorAlg.getParameters() instanceof org.bouncycastle.asn1.ASN1Null) {
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

    // ------------------------------------------------------------------ content

    private static long gcm(byte[] cek, AlgorithmIdentifier alg, InputStream ciphertext, AuthEnvelopedDataParser auth,
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

    private static long cbc(String transformation, String keyAlg, java.security.Provider provider, byte[] cek, AlgorithmIdentifier alg,
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
        } catch (BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new SealFailure(OpenResult.Failure.TAMPERED, "bad padding: wrong key or the sealed file was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " unavailable", e);
        }
    }
}
