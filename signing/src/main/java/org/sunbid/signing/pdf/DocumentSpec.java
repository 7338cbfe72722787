package org.sunbid.signing.pdf;

import java.util.List;
import java.util.Objects;

/**
 * What a platform document says, independent of layout: a title, a header line (usually the transaction code),
 * an optional verification URL printed with a QR code, and blocks of content.
 */
public record DocumentSpec(String title, String subtitle, String headerText, String verificationUrl,
        List<Block> blocks) {

    public DocumentSpec {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
        subtitle = subtitle == null ? "" : subtitle;
        headerText = headerText == null ? "" : headerText;
    }

    /** A piece of content, laid out top to bottom. */
    public sealed interface Block permits Heading, Paragraph, Fields, Table {
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    /** Label–value pairs, shown as a two-column table. */
    public record Fields(List<Field> fields) implements Block {
        public Fields {
            fields = List.copyOf(fields);
        }
    }

    public record Field(String label, String value) {
    }

    /**
     * A table whose rows break across pages; the header row repeats on each page.
     *
     * @param widths relative column widths (any positive numbers), one per header
     */
    public record Table(List<String> headers, List<List<String>> rows, List<Double> widths) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            widths = widths == null || widths.isEmpty() ? headers.stream().map(h -> 1.0).toList() : List.copyOf(widths);
            if (widths.size() != headers.size()) {
                throw new IllegalArgumentException("one width per column");
            }
            for (List<String> row : rows) {
                if (row.size() != headers.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + headers.size() + " columns");
                }
            }
        }
    }
}
