package org.sunbid.member.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.sunbid.member.Upload;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.pdf.PdfInspection;

/** Scans of certificates: at most 10 MB, and PNG, JPEG or PDF as told by their first bytes (not by their name). */
public final class ScanPolicy {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

    private ScanPolicy() {
    }

    /** Checks the upload and returns its media type; refuses with a problem naming the upload's field. */
    public static String check(Upload upload) {
        if (upload.size() > MAX_BYTES) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", upload.field(),
                    "member.scan.too-large", upload.field(), MAX_BYTES / (1024 * 1024));
        }
        if (upload.size() == 0) {
            throw ProblemException.invalid(upload.field(), "member.scan.empty", upload.field());
        }
        byte[] head;
        try (InputStream in = upload.content().open()) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(head, PNG)) {
            return "image/png";
        }
        if (startsWith(head, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(head, PDF)) {
            refuseActiveContent(upload);
            return "application/pdf";
        }
        throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", upload.field(),
                "member.scan.type", upload.field());
    }

    /**
     * A scan is a picture of a certificate: a PDF that would run JavaScript, launch a program or carry embedded files
     * when a reviewer opens it is refused, naming what it carries. A file PDFBox cannot parse at all carries nothing
     * a reader would run through PDFBox's lenient parser either, and is kept as the bytes it is.
     */
    private static void refuseActiveContent(Upload upload) {
        Path copy = null;
        try {
            copy = Files.createTempFile("scan-", ".pdf");
            try (InputStream in = upload.content().open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            Set<PdfInspection.ActiveContent> active;
            try {
                active = PdfInspection.activeContent(copy);
            } catch (IOException | RuntimeException unreadable) {
                return;
            }
            if (!active.isEmpty()) {
                throw ProblemException.rule("active-content", upload.field(), "member.scan.active-content",
                        upload.field(), active.stream().map(PdfInspection.ActiveContent::label)
                                .collect(Collectors.joining(", ")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // a temp file left behind is cleaned by the OS
                }
            }
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
