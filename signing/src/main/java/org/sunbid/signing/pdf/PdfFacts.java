package org.sunbid.signing.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a PDF tells about where it was made (author, creator tool, document and XMP instance ids, creation and
 * modification times) and its text, as the collusion alerts compare them across bidders. Blank values are null.
 */
public record PdfFacts(String author, String creator, String producer, String documentId, String xmpInstanceId,
        Instant created, Instant modified, int pages, String text) {

    private static final Pattern INSTANCE_ID = Pattern.compile(
            "xmpMM:InstanceID(?:>|=\")\\s*([^<\"]+)");

    /** Reads the facts of a PDF; at most {@code maxTextChars} characters of text are kept. */
    public static PdfFacts read(Path pdf, int maxTextChars) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            PDDocumentInformation info = document.getDocumentInformation();
            String text = "";
            if (maxTextChars > 0) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(false);
                // the overlap check compares every glyph with the line's others: quadratic, and bids are not faked bold
                stripper.setSuppressDuplicateOverlappingText(false);
                text = stripper.getText(document);
                if (text.length() > maxTextChars) {
                    text = text.substring(0, maxTextChars);
                }
            }
            return new PdfFacts(blank(info.getAuthor()), blank(info.getCreator()), blank(info.getProducer()),
                    documentId(document), xmpInstanceId(document), instant(info.getCreationDate()),
                    instant(info.getModificationDate()), document.getNumberOfPages(), text);
        }
    }

    private static String documentId(PDDocument document) {
        COSArray ids = document.getDocument().getTrailer().getCOSArray(COSName.ID);
        if (ids != null && ids.size() > 0 && ids.getObject(0) instanceof COSString first) {
            return HexFormat.of().formatHex(first.getBytes());
        }
        return null;
    }

    private static String xmpInstanceId(PDDocument document) throws IOException {
        PDMetadata metadata = document.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return null;
        }
        try (InputStream in = metadata.exportXMPMetadata()) {
            String xmp = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
            Matcher m = INSTANCE_ID.matcher(xmp);
            return m.find() ? blank(m.group(1)) : null;
        }
    }

    private static Instant instant(Calendar calendar) {
        return calendar == null ? null : calendar.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
