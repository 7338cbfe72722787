package org.sunbid.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.sunbid.search.SearchIndex;

/** The search contract against the embedded Lucene index in a temporary folder. */
class LuceneSearchIndexTests extends SearchIndexContract {

    @TempDir
    Path folder;

    @Override
    SearchIndex newIndex() {
        try {
            return new LuceneSearchIndex(Files.createTempDirectory(folder, "index"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
