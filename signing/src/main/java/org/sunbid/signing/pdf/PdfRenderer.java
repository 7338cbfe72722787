package org.sunbid.signing.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Renders a {@link DocumentSpec} as an A4 PDF with the bundled CJK font embedded: header with the transaction code on
 * every page, page numbers "第 i 页 共 n 页", tables that break across pages with the header row repeated, and a QR
 * code of the verification URL.
 */
public final class PdfRenderer {

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 56f;
    static final float BODY = 10.5f;
    static final float LEADING = 1.45f;
    private static final Color RULE = new Color(0x99, 0x99, 0x99);
    private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);

    private PdfRenderer() {
    }

    /** Writes the document to {@code out}; the stream is not closed. */
    public static void render(DocumentSpec spec, OutputStream out) {
        try (PDDocument document = new PDDocument()) {
            PDFont font = CjkFont.load(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(spec.title());
            info.setProducer("Sunbid");
            Layout layout = new Layout(document, new SafeText(font));
            layout.title(spec);
            for (DocumentSpec.Block block : spec.blocks()) {
                if (block instanceof DocumentSpec.Heading h) {
                    layout.heading(h.text());
                } else if (block instanceof DocumentSpec.Paragraph p) {
                    layout.paragraph(p.text());
                } else if (block instanceof DocumentSpec.Fields f) {
                    layout.fields(f);
                } else if (block instanceof DocumentSpec.Table t) {
                    layout.table(t);
                }
            }
            layout.close();
            decoratePages(document, layout.text, spec);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void decoratePages(PDDocument document, SafeText text, DocumentSpec spec) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                float top = PAGE.getHeight() - MARGIN + 22;
                text.show(cs, 8, MARGIN, top, spec.headerText());
                String right = "阳光招采 Sunbid";
                text.show(cs, 8, PAGE.getWidth() - MARGIN - text.width(right, 8), top, right);
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, top - 5);
                cs.lineTo(PAGE.getWidth() - MARGIN, top - 5);
                cs.stroke();
                String footer = "第 %d 页 共 %d 页  Page %d of %d".formatted(i + 1, total, i + 1, total);
                text.show(cs, 8, (PAGE.getWidth() - text.width(footer, 8)) / 2, MARGIN - 28, footer);
            }
        }
    }

    /** Draws a QR code of {@code content} as vector squares, {@code size} points wide, lower-left at (x, y). */
    static void qr(PDPageContentStream cs, String content, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IOException("cannot encode QR code: " + e.getMessage(), e);
        }
        float cell = size / matrix.getWidth();
        cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(x + col * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        cs.fill();
    }

    /** Text drawing with glyphs the font lacks replaced, and line wrapping. */
    static final class SafeText {
        final PDFont font;
        private final Map<Integer, Boolean> known = new HashMap<>();

        SafeText(PDFont font) {
            this.font = font;
        }

        String clean(String s) {
            StringBuilder b = new StringBuilder(s.length());
            s.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    b.append("    ");
                    return;
                }
                if (Character.isISOControl(cp)) {
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.getStringWidth(new String(Character.toChars(c)));
                        return true;
                    } catch (IOException | IllegalArgumentException e) {
                        return false;
                    }
                });
                b.appendCodePoint(ok ? cp : '?');
            });
            return b.toString();
        }

        float width(String s, float size) {
            try {
                return font.getStringWidth(clean(s)) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void show(PDPageContentStream cs, float size, float x, float y, String s) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(Color.BLACK);
            cs.newLineAtOffset(x, y);
            cs.showText(clean(s));
            cs.endText();
        }

        /** Breaks text into lines no wider than {@code max}; CJK breaks anywhere, Latin words at spaces when possible. */
        List<String> wrap(String text, float size, float max) {
            List<String> lines = new ArrayList<>();
            for (String paragraph : clean(text == null ? "" : text.replace("\r", "")).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                int lastSpace = -1;
                for (int i = 0; i < paragraph.length(); ) {
                    int cp = paragraph.codePointAt(i);
                    int len = Character.charCount(cp);
                    line.appendCodePoint(cp);
                    if (cp == ' ') {
                        lastSpace = line.length() - 1;
                    }
                    if (width(line.toString(), size) > max && line.length() > len) {
                        if (lastSpace > 0 && Character.isLetterOrDigit(cp) && cp < 0x2E80) {
                            lines.add(line.substring(0, lastSpace));
                            line.delete(0, lastSpace + 1);
                        } else {
                            line.setLength(line.length() - len);
                            lines.add(line.toString());
                            line.setLength(0);
                            line.appendCodePoint(cp);
                        }
                        lastSpace = line.indexOf(" ");
                    }
                    i += len;
                }
                lines.add(line.toString());
            }
            return lines;
        }
    }

    /** A cursor over pages: it opens a new page whenever the next piece does not fit. */
    private static final class Layout {
        final PDDocument document;
        final SafeText text;
        final float contentWidth = PAGE.getWidth() - 2 * MARGIN;
        PDPageContentStream cs;
        float y;

        Layout(PDDocument document, SafeText text) throws IOException {
            this.document = document;
            this.text = text;
            newPage();
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            cs = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void title(DocumentSpec spec) throws IOException {
            float qrSize = spec.verificationUrl() != null ? 64 : 0;
            float titleWidth = contentWidth - (qrSize > 0 ? qrSize + 12 : 0);
            float top = y;
            for (String line : text.wrap(spec.title(), 18, titleWidth)) {
                y -= 18 * LEADING;
                text.show(cs, 18, MARGIN + (titleWidth - text.width(line, 18)) / 2, y, line);
            }
            if (!spec.subtitle().isBlank()) {
                for (String line : text.wrap(spec.subtitle(), 11, titleWidth)) {
                    y -= 11 * LEADING;
                    text.show(cs, 11, MARGIN + (titleWidth - text.width(line, 11)) / 2, y, line);
                }
            }
            if (qrSize > 0) {
                float qy = top - qrSize;
                qr(cs, spec.verificationUrl(), PAGE.getWidth() - MARGIN - qrSize, qy, qrSize);
                String caption = "扫码验证 Verify";
                text.show(cs, 7, PAGE.getWidth() - MARGIN - qrSize + (qrSize - text.width(caption, 7)) / 2, qy - 9,
                        caption);
                y = Math.min(y, qy - 12);
            }
            y -= 14;
        }

        void heading(String s) throws IOException {
            List<String> lines = text.wrap(s, 13, contentWidth);
            ensure(lines.size() * 13 * LEADING + 6 + BODY * LEADING * 2);
            y -= 6;
            for (String line : lines) {
                y -= 13 * LEADING;
                text.show(cs, 13, MARGIN, y, line);
            }
            y -= 4;
        }

        void paragraph(String s) throws IOException {
            for (String line : text.wrap(s, BODY, contentWidth)) {
                ensure(BODY * LEADING);
                y -= BODY * LEADING;
                text.show(cs, BODY, MARGIN, y, line);
            }
            y -= BODY * 0.6f;
        }

        void fields(DocumentSpec.Fields f) throws IOException {
            List<List<String>> rows = f.fields().stream().map(x -> List.of(x.label(), x.value() == null ? "" : x.value()))
                    .toList();
            grid(null, rows, new float[] { 0.3f * contentWidth, 0.7f * contentWidth });
        }

        void table(DocumentSpec.Table t) throws IOException {
            double sum = t.widths().stream().mapToDouble(Double::doubleValue).sum();
            float[] widths = new float[t.widths().size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = (float) (t.widths().get(i) / sum * contentWidth);
            }
            grid(t.headers(), t.rows(), widths);
        }

        private void grid(List<String> header, List<List<String>> rows, float[] widths) throws IOException {
            float size = 9.5f;
            float pad = 4f;
            if (header != null) {
                row(header, widths, size, pad, true);
            }
            for (List<String> r : rows) {
                float height = rowHeight(r, widths, size, pad);
                if (y - height < MARGIN) {
                    newPage();
                    if (header != null) {
                        row(header, widths, size, pad, true);
                    }
                }
                row(r, widths, size, pad, false);
            }
            y -= 10;
        }

        private float rowHeight(List<String> cells, float[] widths, float size, float pad) {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines = Math.max(lines, text.wrap(cells.get(i), size, widths[i] - 2 * pad).size());
            }
            return lines * size * LEADING + 2 * pad;
        }

        private void row(List<String> cells, float[] widths, float size, float pad, boolean header) throws IOException {
            float height = rowHeight(cells, widths, size, pad);
            if (height > PAGE.getHeight() - 2 * MARGIN) {
                throw new IllegalArgumentException("a table row is taller than a page");
            }
            ensure(height);
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                if (header) {
                    cs.setNonStrokingColor(HEADER_FILL);
                    cs.addRect(x, y - height, widths[i], height);
                    cs.fill();
                }
                cs.setStrokingColor(RULE);
                cs.setLineWidth(0.5f);
                cs.addRect(x, y - height, widths[i], height);
                cs.stroke();
                float ty = y - pad;
                for (String line : text.wrap(cells.get(i), size, widths[i] - 2 * pad)) {
                    ty -= size * LEADING;
                    text.show(cs, size, x + pad, ty + size * (LEADING - 1), line);
                }
                x += widths[i];
            }
            y -= height;
        }

        void close() throws IOException {
            cs.close();
        }
    }
}
