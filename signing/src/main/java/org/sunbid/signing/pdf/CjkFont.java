package org.sunbid.signing.pdf;

import java.io.IOException;
import java.io.InputStream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The bundled CJK font (WenQuanYi Micro Hei, Apache-2.0), embedded as a subset in each document. */
final class CjkFont {

    private static final String RESOURCE = "fonts/wqy-microhei.ttc";
    private static volatile byte[] collection;

    private CjkFont() {
    }

    static PDFont load(PDDocument document) throws IOException {
        TrueTypeCollection ttc = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes()));
        TrueTypeFont font = ttc.getFontByName("WenQuanYiMicroHei");
        if (font == null) {
            throw new IOException("bundled font missing from " + RESOURCE);
        }
        // Type0 font, subset embedded; PDFBox closes the TTF when the document is saved or closed.
        return PDType0Font.load(document, font, true);
    }

    private static byte[] bytes() throws IOException {
        byte[] b = collection;
        if (b == null) {
            try (InputStream in = CjkFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException("bundled font " + RESOURCE + " not on the class path");
                }
                b = in.readAllBytes();
            }
            collection = b;
        }
        return b;
    }
}
