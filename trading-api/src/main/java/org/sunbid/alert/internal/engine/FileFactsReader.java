package org.sunbid.alert.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.sunbid.signing.pdf.PdfFacts;

/** The facts of one file of an opened package: its SHA-256 and, for a PDF, its metadata and text. */
public final class FileFactsReader {

    /** Enough for a 50-page technical bid many times over; longer texts are compared on their first part. */
    public static final int MAX_TEXT_CHARS = 2_000_000;

    private FileFactsReader() {
    }

    public static LotEvidence.FileFacts read(String name, Path file) throws IOException {
        String sha256 = sha256(file);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            return new LotEvidence.FileFacts(name, sha256, null, null, null, null, null, null, null);
        }
        try {
            PdfFacts pdf = PdfFacts.read(file, MAX_TEXT_CHARS);
            return new LotEvidence.FileFacts(name, sha256, pdf.author(), pdf.creator(), pdf.documentId(),
                    pdf.xmpInstanceId(), pdf.created(), pdf.modified(), pdf.text());
        } catch (IOException | RuntimeException unreadable) {
            // a damaged PDF still counts by its hash
            return new LotEvidence.FileFacts(name, sha256, null, null, null, null, null, null, null);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
