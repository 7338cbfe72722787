package org.sunbid.signing.pdf;

import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.geom.PathIterator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws text as filled glyph outlines from the bundled CJK font. Signature appearances are added in incremental
 * updates, where embedding a font subset is not possible; outlines need no font at all and look the same everywhere.
 */
final class VectorText {

    private static volatile VectorText instance;

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final float unitsPerEm;

    private VectorText(TrueTypeFont font) throws IOException {
        this.font = font;
        this.cmap = font.getUnicodeCmapLookup();
        this.unitsPerEm = font.getUnitsPerEm();
    }

    static VectorText get() {
        VectorText v = instance;
        if (v == null) {
            synchronized (VectorText.class) {
                v = instance;
                if (v == null) {
                    try (InputStream in = VectorText.class.getResourceAsStream("fonts/wqy-microhei.ttc")) {
                        if (in == null) {
                            throw new IOException("bundled font missing");
                        }
                        TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(in.readAllBytes()));
                        v = new VectorText(ttc.getFontByName("WenQuanYiMicroHei"));
                        instance = v;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return v;
    }

    private int glyph(int codePoint) {
        int gid = cmap.getGlyphId(codePoint);
        return gid == 0 ? cmap.getGlyphId('?') : gid;
    }

    /** Advance width of {@code text} at {@code size} points. */
    float width(String text, float size) {
        float units = 0;
        try {
            for (int cp : text.codePoints().toArray()) {
                units += font.getAdvanceWidth(glyph(cp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return units / unitsPerEm * size;
    }

    /** Adds the outline of one code point, baseline origin at the transform's origin, to {@code path}. */
    void appendGlyph(GeneralPath path, int codePoint, float size, AffineTransform at) throws IOException {
        GlyphData data = font.getGlyph().getGlyph(glyph(codePoint));
        if (data == null) {
            return;
        }
        AffineTransform t = new AffineTransform(at);
        t.scale(size / unitsPerEm, size / unitsPerEm);
        path.append(data.getPath().getPathIterator(t), false);
    }

    /** Adds a horizontal line of text with its baseline starting at (x, y). */
    void appendLine(GeneralPath path, String text, float size, float x, float y) throws IOException {
        float advance = 0;
        for (int cp : text.codePoints().toArray()) {
            appendGlyph(path, cp, size, AffineTransform.getTranslateInstance(x + advance, y));
            advance += width(new String(Character.toChars(cp)), size);
        }
    }

    /** Emits a path into the content stream (quadratic segments become cubic) and fills it. */
    static void fill(PDPageContentStream cs, GeneralPath path) throws IOException {
        float[] c = new float[6];
        float lastX = 0;
        float lastY = 0;
        for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    cs.moveTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    cs.lineTo(c[0], c[1]);
                    lastX = c[0];
                    lastY = c[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    float c1x = lastX + 2f / 3f * (c[0] - lastX);
                    float c1y = lastY + 2f / 3f * (c[1] - lastY);
                    float c2x = c[2] + 2f / 3f * (c[0] - c[2]);
                    float c2y = c[3] + 2f / 3f * (c[1] - c[3]);
                    cs.curveTo(c1x, c1y, c2x, c2y, c[2], c[3]);
                    lastX = c[2];
                    lastY = c[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    cs.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    lastX = c[4];
                    lastY = c[5];
                }
                case PathIterator.SEG_CLOSE -> cs.closePath();
                default -> throw new IllegalStateException();
            }
        }
        cs.fill();
    }
}
