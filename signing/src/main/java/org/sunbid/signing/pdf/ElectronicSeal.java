package org.sunbid.signing.pdf;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The centre's red circular electronic seal (电子印章), drawn by code: a ring, the organisation's name set along the
 * upper arc, a five-pointed star in the centre and a short purpose line below it.
 */
final class ElectronicSeal {

    static final Color SEAL_RED = new Color(0xD4, 0x1F, 0x26);

    private ElectronicSeal() {
    }

    /** Draws a seal of diameter {@code size} whose lower-left corner is at (x, y). */
    static void draw(PDPageContentStream cs, float x, float y, float size, String organisation, String purpose)
            throws IOException {
        VectorText text = VectorText.get();
        float cx = x + size / 2;
        float cy = y + size / 2;
        float r = size / 2 - size * 0.03f;
        cs.saveGraphicsState();
        cs.setStrokingColor(SEAL_RED);
        cs.setNonStrokingColor(SEAL_RED);
        cs.setLineWidth(size * 0.035f);
        circle(cs, cx, cy, r);
        cs.stroke();

        star(cs, cx, cy, size * 0.17f);

        String name = organisation == null || organisation.isBlank() ? "阳光招采交易中心" : organisation.strip();
        int[] chars = name.codePoints().toArray();
        float glyph = size * (chars.length > 14 ? 0.10f : 0.125f);
        float baseline = r - size * 0.06f - glyph * 0.88f;
        double span = Math.toRadians(Math.min(250, 18 * chars.length + 20));
        double start = Math.PI / 2 + span / 2;
        GeneralPath path = new GeneralPath();
        for (int i = 0; i < chars.length; i++) {
            double theta = chars.length == 1 ? Math.PI / 2 : start - span * i / (chars.length - 1);
            String ch = new String(Character.toChars(chars[i]));
            AffineTransform at = new AffineTransform();
            at.translate(cx + baseline * Math.cos(theta), cy + baseline * Math.sin(theta));
            at.rotate(theta - Math.PI / 2);
            at.translate(-text.width(ch, glyph) / 2, 0);
            text.appendGlyph(path, chars[i], glyph, at);
        }
        if (purpose != null && !purpose.isBlank()) {
            float small = size * 0.09f;
            text.appendLine(path, purpose, small, cx - text.width(purpose, small) / 2, cy - size * 0.30f);
        }
        VectorText.fill(cs, path);
        cs.restoreGraphicsState();
    }

    private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
        float k = 0.552284749831f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    private static void star(PDPageContentStream cs, float cx, float cy, float outer) throws IOException {
        float inner = outer * 0.382f;
        for (int i = 0; i < 10; i++) {
            double angle = Math.PI / 2 + i * Math.PI / 5;
            float rad = i % 2 == 0 ? outer : inner;
            float px = cx + (float) (rad * Math.cos(angle));
            float py = cy + (float) (rad * Math.sin(angle));
            if (i == 0) {
                cs.moveTo(px, py);
            } else {
                cs.lineTo(px, py);
            }
        }
        cs.closePath();
        cs.fill();
    }
}
