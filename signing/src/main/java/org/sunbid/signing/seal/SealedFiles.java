package org.sunbid.signing.seal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSEnvelopedDataParser;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;

/**
 * Looks at a sealed file without opening it: is it CMS EnvelopedData or AuthEnvelopedData at all, and is it addressed
 * to a given recipient certificate? The platform refuses unencrypted uploads and files sealed to another lot's key.
 */
public final class SealedFiles {

    private SealedFiles() {
    }

    /** What a file is, as far as its envelope shows. */
    public enum Kind { AUTH_ENVELOPED, ENVELOPED, NOT_SEALED }

    /** @param addressedTo whether one of the recipients is the given certificate */
    public record Inspection(Kind kind, boolean addressedTo, int recipients) {
    }

    public static Inspection inspect(Path sealed, X509Certificate recipient) {
        return inspect(() -> Files.newInputStream(sealed), recipient);
    }

    /** The same for a small envelope held in memory (a sealed key share). */
    public static Inspection inspect(byte[] sealed, X509Certificate recipient) {
        return inspect(() -> new java.io.ByteArrayInputStream(sealed), recipient);
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private static Inspection inspect(Source sealed, X509Certificate recipient) {
        Kind kind = kind(sealed);
        if (kind == Kind.NOT_SEALED) {
            return new Inspection(kind, false, 0);
        }
        try (InputStream in = new BufferedInputStream(sealed.open(), 64 * 1024)) {
            RecipientInformationStore store = kind == Kind.AUTH_ENVELOPED ? new CMSAuthEnvelopedDataParser(in).getRecipientInfos()
                    : new CMSEnvelopedDataParser(in).getRecipientInfos();
            X509CertificateHolder holder = new X509CertificateHolder(recipient.getEncoded());
            boolean match = false;
            for (RecipientInformation info : store.getRecipients()) {
                match |= info.getRID().match(holder);
            }
            return new Inspection(kind, match, store.size());
        } catch (IOException | CertificateEncodingException | RuntimeException | org.bouncycastle.cms.CMSException e) {
            return new Inspection(Kind.NOT_SEALED, false, 0);
        }
    }

    private static Kind kind(Source sealed) {
        try (InputStream in = new BufferedInputStream(sealed.open(), 8192)) {
            in.mark(8192);
            byte[] head = in.readNBytes(64);
            if (head.length < 16 || head[0] != 0x30) {
                return Kind.NOT_SEALED;
            }
            // Read only the ContentInfo's OID: SEQUENCE { OID, [0] ... }, without loading the content.
            int pos = 1;
            int first = head[pos++] & 0xff;
            if (first == 0x80) {
                // indefinite length (BER)
            } else if (first > 0x80) {
                pos += first & 0x7f;
            }
            if (pos >= head.length || head[pos] != 0x06) {
                return Kind.NOT_SEALED;
            }
            int oidLength = head[pos + 1] & 0xff;
            if (pos + 2 + oidLength > head.length) {
                return Kind.NOT_SEALED;
            }
            byte[] oidTlv = java.util.Arrays.copyOfRange(head, pos, pos + 2 + oidLength);
            ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(new ASN1InputStream(oidTlv).readObject());
            if (CMSObjectIdentifiers.authEnvelopedData.equals(oid)) {
                return Kind.AUTH_ENVELOPED;
            }
            if (CMSObjectIdentifiers.envelopedData.equals(oid)) {
                return Kind.ENVELOPED;
            }
            return Kind.NOT_SEALED;
        } catch (IOException | RuntimeException e) {
            return Kind.NOT_SEALED;
        }
    }

}
