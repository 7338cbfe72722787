package org.sunbid.member;

import java.io.IOException;
import java.io.InputStream;

/** An uploaded file as the registry sees it, independent of the web layer. */
public record Upload(String field, String fileName, long size, Source content) {

    /** Opens the content; may be called more than once. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
