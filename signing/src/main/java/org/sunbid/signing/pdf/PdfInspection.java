package org.sunbid.signing.pdf;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/** Quick facts about an untrusted PDF, for refusing active content before anyone opens it. */
public final class PdfInspection {

    private PdfInspection() {
    }

    /** Whether the document names JavaScript or runs it on open. */
    public static boolean hasJavaScript(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            return hasJavaScript(document);
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
