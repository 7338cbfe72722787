package org.sunbid.deposit.internal;

import java.io.InputStream;
import java.util.List;

import org.sunbid.deposit.StatementFormat;

/**
 * Port: where statements arrive from the bank without staff uploading them. The default adapter is a folder
 * ({@link FolderStatementSource}); a bank's host-to-host channel would be another adapter.
 */
public interface BankStatementSource {

    /** A statement waiting to be imported. */
    interface Pending {
        String name();

        StatementFormat format();

        InputStream open() throws java.io.IOException;

        /** Imported: never offered again. */
        void done();

        /** Refused whole: set aside with the reason, never offered again. */
        void rejected(String reason);
    }

    List<Pending> pending();
}
