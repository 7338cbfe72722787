package org.sunbid.signing.pdf;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Quick facts about an untrusted PDF, for refusing active content before anyone opens it. */
public final class PdfInspection {

    private static final COSName LAUNCH = COSName.getPDFName("Launch");

    private PdfInspection() {
    }

    /** Whether the document names JavaScript or runs it on open. */
    public static boolean hasJavaScript(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            return hasJavaScript(document);
        }
    }

    /** Active content an untrusted PDF may carry; any of it is refused in scans and reported by the verifier. */
    public enum ActiveContent {
        JAVASCRIPT("JavaScript"), EMBEDDED_FILE("embedded files"), LAUNCH_ACTION("launch actions");

        private final String label;

        ActiveContent(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Active content in the PDF file, wherever it sits (see {@link #activeContent(PDDocument)}). */
    public static java.util.Set<ActiveContent> activeContent(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            return activeContent(document);
        }
    }

    /**
     * Walks every object of the final revision (so also objects an incremental update added after a signature, and
     * objects inside object streams), not only the catalogue's entry points: JavaScript in a page annotation, a form
     * field or a names tree is found as well as in the open action.
     */
    static java.util.Set<ActiveContent> activeContent(PDDocument document) {
        var found = java.util.EnumSet.noneOf(ActiveContent.class);
        if (hasJavaScript(document)) {
            found.add(ActiveContent.JAVASCRIPT);
        }
        var cos = document.getDocument();
        for (var key : new java.util.ArrayList<>(cos.getXrefTable().keySet())) {
            org.apache.pdfbox.cos.COSBase object;
            try {
                object = cos.getObjectFromPool(key).getObject();
            } catch (RuntimeException e) {
                continue;
            }
            if (object instanceof org.apache.pdfbox.cos.COSDictionary dictionary) {
                inspect(dictionary, found);
            }
        }
        return found;
    }

    private static void inspect(org.apache.pdfbox.cos.COSDictionary dictionary, java.util.Set<ActiveContent> found) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(COSName.JS)) {
            found.add(ActiveContent.JAVASCRIPT);
        }
        if (LAUNCH.equals(action)) {
            found.add(ActiveContent.LAUNCH_ACTION);
        }
        if (COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || dictionary.containsKey(COSName.EF)
                || dictionary.containsKey(COSName.EMBEDDED_FILES)) {
            found.add(ActiveContent.EMBEDDED_FILE);
        }
        for (var value : dictionary.getValues()) {
            inspectDirect(value, found);
        }
    }

    /** Direct (not indirect) objects nested inline: an annotation's /A written inside an /Annots array. */
    private static void inspectDirect(org.apache.pdfbox.cos.COSBase value, java.util.Set<ActiveContent> found) {
        if (value instanceof org.apache.pdfbox.cos.COSDictionary nested) {
            inspect(nested, found);
        } else if (value instanceof org.apache.pdfbox.cos.COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                inspectDirect(array.get(i), found);
            }
        }
    }

    static boolean hasJavaScript(PDDocument document) {
        var names = document.getDocumentCatalog().getNames();
        boolean named = names != null && names.getJavaScript() != null;
        var open = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.OPEN_ACTION);
        boolean openAction = open instanceof org.apache.pdfbox.cos.COSDictionary action
                && COSName.JAVA_SCRIPT.equals(action.getCOSName(COSName.S));
        return named || openAction;
    }
}
