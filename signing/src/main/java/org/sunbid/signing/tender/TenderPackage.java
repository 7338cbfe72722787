package org.sunbid.signing.tender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.internal.Json;

/**
 * Writes a tender package: a ZIP of {@code bid-form.json} and the tender PDFs under {@code documents/}. The bidder then
 * signs it (CMS SignedData, content attached) and seals the signature to the lot's opening certificate and its own.
 */
public final class TenderPackage {

    private TenderPackage() {
    }

    /** Not a PDF (does not start with {@code %PDF-}). */
    public static final class NotAPdfException extends IllegalArgumentException {
        public NotAPdfException(Path file) {
            super("not a PDF: " + file);
        }
    }

    /** Writes the package to {@code out} (complete or not at all). */
    public static void write(BidForm form, List<Path> pdfs, Path out) throws IOException {
        if (pdfs == null || pdfs.isEmpty()) {
            throw new IllegalArgumentException("a tender package needs at least one PDF");
        }
        List<String> names = new ArrayList<>();
        for (Path pdf : pdfs) {
            byte[] head = new byte[5];
            try (var in = Files.newInputStream(pdf)) {
                if (in.readNBytes(head, 0, 5) != 5 || !new String(head, StandardCharsets.US_ASCII).equals("%PDF-")) {
                    throw new NotAPdfException(pdf);
                }
            }
            names.add(pdf.getFileName().toString());
        }
        byte[] formBytes = Json.write(form.fields(names)).getBytes(StandardCharsets.UTF_8);
        Files2.writeAtomically(out, target -> {
            ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("bid-form.json"));
            zip.write(formBytes);
            zip.closeEntry();
            for (Path pdf : pdfs) {
                zip.putNextEntry(new ZipEntry("documents/" + pdf.getFileName()));
                Files.copy(pdf, zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
