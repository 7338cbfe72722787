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
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.asn1.cms.RecipientInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
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
 *
 * <p>This class reads the envelope and writes the output; {@link ContentKeys} finds this key's recipient info and
 * unwraps the content key, {@link ContentDecryption} decrypts the content and checks the tag or padding.
 */
public final class Opener {

    static final int BUFFER = 64 * 1024;

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
        return openTo(sealed, recipient(key), key.certificate(), output, true);
    }

    /**
     * Opens {@code sealed} into {@code output} like {@link #open(InputStream, SigningKey, Path)}, but without forcing the
     * output to disk: for a scratch plaintext that is read once and deleted (a crash leaves at worst a partial file that
     * is decrypted again), where an fsync would only cost the disk's time.
     */
    public static OpenResult openScratch(InputStream sealed, SigningKey key, Path output) {
        return openTo(sealed, recipient(key), key.certificate(), output, false);
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
            return openTo(in, given(contentKey), null, output, true);
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
            Envelope envelope = Envelope.read(in);
            AlgorithmIdentifier contentAlg = envelope.content().getContentEncryptionAlgorithm();
            cipherOf(contentAlg.getAlgorithm(), envelope.authenticated());
            return ContentKeys.unwrap(envelope.recipients(), contentAlg, key);
        } catch (SealFailure f) {
            throw new ContentKeyException(f.failure, f.getMessage());
        } catch (IOException e) {
            throw new ContentKeyException(OpenResult.Failure.MALFORMED, "truncated or malformed sealed file (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw new ContentKeyException(OpenResult.Failure.MALFORMED, "not a CMS sealed file: " + e.getClass().getSimpleName());
        }
    }

    private static OpenResult openTo(InputStream sealed, KeySource key, X509Certificate recipient, Path output,
            boolean durable) {
        Path parent = output.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + output.getFileName() + "-", ".part");
            OpenResult result;
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                result = decrypt(new BufferedInputStream(sealed, BUFFER), key, recipient, out);
                if (result.isOpened() && durable) {
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
     * Opens into a caller's stream, in constant memory: for small in-memory secrets, or for a consumer that verifies the
     * plaintext as it arrives (the opening hands it to the signature check without writing it to disk). The stream
     * receives plaintext BEFORE the tag is checked: the caller must discard everything written, and everything made
     * from it, unless the result is {@link OpenResult.Opened}.
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
        return (recipients, contentAlg) -> ContentKeys.unwrap(recipients, contentAlg, key);
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

    /**
     * The envelope's header, read as far as the encrypted content: its kind, its recipients and its encrypted content
     * info (with the AuthEnvelopedData parser, which still holds the tag, for GCM).
     */
    private record Envelope(List<RecipientInfo> recipients, EncryptedContentInfoParser content, AuthEnvelopedDataParser auth) {

        boolean authenticated() {
            return auth != null;
        }

        static Envelope read(InputStream in) throws IOException, SealFailure {
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
            Envelope envelope;
            if (authenticated) {
                AuthEnvelopedDataParser auth = new AuthEnvelopedDataParser(body);
                auth.getOriginatorInfo();
                List<RecipientInfo> recipients = readRecipients(auth.getRecipientInfos());
                envelope = new Envelope(recipients, auth.getAuthEncryptedContentInfo(), auth);
            } else {
                EnvelopedDataParser enveloped = new EnvelopedDataParser(body);
                enveloped.getOriginatorInfo();
                List<RecipientInfo> recipients = readRecipients(enveloped.getRecipientInfos());
                envelope = new Envelope(recipients, enveloped.getEncryptedContentInfo(), null);
            }
            if (envelope.content() == null) {
                throw new SealFailure(OpenResult.Failure.MALFORMED, "no encrypted content");
            }
            return envelope;
        }
    }

    private static OpenResult doDecrypt(InputStream in, KeySource key, X509Certificate recipient, OutputStream out)
            throws IOException, SealFailure {
        Envelope envelope = Envelope.read(in);
        EncryptedContentInfoParser eci = envelope.content();
        AlgorithmIdentifier contentAlg = eci.getContentEncryptionAlgorithm();
        ContentCipher cipher = cipherOf(contentAlg.getAlgorithm(), envelope.authenticated());
        byte[] cek = key.contentKey(envelope.recipients(), contentAlg);
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
                case AES_256_GCM -> ContentDecryption.gcm(cek, contentAlg, ciphertext, envelope.auth(), out);
                case AES_256_CBC -> ContentDecryption.cbc("AES/CBC/PKCS5Padding", "AES", null, cek, contentAlg, ciphertext, out);
                case SM4_CBC -> ContentDecryption.cbc("SM4/CBC/PKCS5Padding", "SM4", Certificates.provider(), cek, contentAlg,
                        ciphertext, out);
            };
        } finally {
            Arrays.fill(cek, (byte) 0);
        }
        return new OpenResult.Opened(bytes, cipher, recipient);
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
}
