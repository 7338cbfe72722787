package org.sunbid.alert.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Writes crafted bid PDFs with PDFBox: one sentence a line, chosen metadata, a fixed document id. */
public final class CorpusPdfs {

    /** Metadata to set; nulls are left out. {@code documentId} is the trailer's first /ID (hex). */
    public record Meta(String author, String creator, Instant created, Instant modified, String documentId) {
        static final Meta NONE = new Meta(null, null, null, null, null);
    }

    private static final int LINES_PER_PAGE = 48;
    private static byte[] font;

    private CorpusPdfs() {
    }

    public static void write(Path target, List<String> lines, Meta meta, String fallbackId) throws IOException {
        try (PDDocument document = new PDDocument();
                TrueTypeCollection ttc = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontBytes()))) {
            PDFont cjk = PDType0Font.load(document, ttc.getFontByName("WenQuanYiMicroHei"), true);
            for (int start = 0; start < Math.max(1, lines.size()); start += LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(cjk, 11);
                    content.setLeading(15);
                    content.newLineAtOffset(40, 800);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + LINES_PER_PAGE))) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            PDDocumentInformation info = document.getDocumentInformation();
            info.setAuthor(meta.author());
            info.setCreator(meta.creator());
            info.setProducer("sunbid corpus");
            info.setCreationDate(calendar(meta.created()));
            info.setModificationDate(calendar(meta.modified()));
            String id = meta.documentId() != null ? meta.documentId() : fallbackId;
            COSArray ids = new COSArray();
            ids.add(new COSString(java.util.HexFormat.of().parseHex(id)));
            ids.add(new COSString(java.util.HexFormat.of().parseHex(id)));
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(target.toFile());
        }
    }

    private static Calendar calendar(Instant at) {
        if (at == null) {
            return null;
        }
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(at.toEpochMilli());
        return c;
    }

    private static synchronized byte[] fontBytes() throws IOException {
        if (font == null) {
            try (InputStream in = org.sunbid.signing.pdf.PdfFacts.class.getResourceAsStream("fonts/wqy-microhei.ttc")) {
                font = in.readAllBytes();
            }
        }
        return font;
    }
}
