package org.sunbid.expert.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.stereotype.Component;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.draw.DrawAlgorithm;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;

/**
 * A lot's draw secret at rest: sealed (CMS AuthEnvelopedData, AES-256-GCM, the same {@link Sealer} as bids and the
 * sealed log details) to the platform's document-signing certificate, opened with its private key only when the draw
 * runs. Someone reading the database, its backups or its logs learns the commitment, never the secret, so cannot
 * predict a draw before it runs; the key lives in the key store under the platform passphrase.
 */
@Component
public class SecretSealing {

    private final PlatformTrust trust;

    SecretSealing(PlatformTrust trust) {
        this.trust = trust;
    }

    public byte[] seal(byte[] secret) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            Sealer.seal(new ByteArrayInputStream(secret), out, List.of(trust.documentSigner().certificate()),
                    ContentCipher.AES_256_GCM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The secret, once the envelope's tag checks; an envelope that does not open is an error, never a zero secret. */
    public byte[] open(byte[] sealed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(DrawAlgorithm.SECRET_BYTES);
        OpenResult result = Opener.openUnverifiedInto(new ByteArrayInputStream(sealed), trust.documentSigner(), out);
        if (!(result instanceof OpenResult.Opened) || out.size() != DrawAlgorithm.SECRET_BYTES) {
            throw new IllegalStateException("the sealed draw secret does not open with the platform key: " + result);
        }
        return out.toByteArray();
    }
}
