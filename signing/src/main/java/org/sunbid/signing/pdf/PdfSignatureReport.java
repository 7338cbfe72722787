package org.sunbid.signing.pdf;

import java.time.Instant;
import java.util.List;

/**
 * What one signature in a PDF proves.
 *
 * @param field               the signature field name
 * @param signer              the signer certificate's subject, if it could be read
 * @param claimedTime         the /M time written by the signer (not proof)
 * @param timestampTime       the RFC 3161 time, if the signature carries a valid timestamp
 * @param coversWholeDocument whether the byte range ends at the end of the file (only the last signature can)
 * @param subFilter           e.g. ETSI.CAdES.detached
 * @param problems            every finding that makes the signature invalid; empty means valid
 * @param notes               findings that do not invalidate it (e.g. no timestamp, later incremental updates)
 */
public record PdfSignatureReport(String field, String signer, Instant claimedTime, Instant timestampTime,
        boolean coversWholeDocument, String subFilter, List<String> problems, List<String> notes) {

    public PdfSignatureReport {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
