package org.sunbid.search.internal;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.sunbid.search.SearchDocument;

/**
 * A notice as a Lucene document: keywords (stored, some also facets), amount in cents and publication time as points
 * for ranges, doc values for sorting, title and body as analysed text with offsets (the highlighter reads them), the
 * values of labelled lines ({@code facts}) and attachments' text analysed but not stored.
 */
final class LuceneDocuments {

    /** Stored text with offsets in the postings, so the highlighter need not analyse the text again. */
    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private LuceneDocuments() {
    }

    static Document of(SearchDocument d) {
        Document doc = new Document();
        doc.add(new StringField("id", d.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField("id_sort", new BytesRef(d.id())));
        doc.add(new StoredField("publicId", d.publicId() == null ? "" : d.publicId()));
        keyword(doc, "kind", d.kind(), true);
        if (d.test()) {
            doc.add(new StringField("test", "true", Field.Store.NO));
        }
        keyword(doc, "projectType", d.projectType(), true);
        keyword(doc, "region", d.regionCode(), true);
        for (String c : d.classificationCodes()) {
            doc.add(new StringField("classification", c, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField("classification", c));
        }
        if (d.amount() != null) {
            long cents = d.amount().movePointRight(2).longValueExact();
            doc.add(new LongPoint("amount", cents));
            doc.add(new NumericDocValuesField("amount_sort", cents));
            doc.add(new StoredField("amount", cents));
        }
        long millis = d.publishedAt().toEpochMilli();
        doc.add(new LongPoint("published", millis));
        doc.add(new NumericDocValuesField("published_sort", millis));
        doc.add(new StoredField("published", millis));
        keyword(doc, "tenderee", d.tenderee(), false);
        keyword(doc, "agency", d.agency(), false);
        keyword(doc, "winner", d.winner(), false);
        doc.add(new Field("title", d.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field("body", d.body(), TEXT_WITH_OFFSETS));
        if (!d.facts().isEmpty()) {
            doc.add(new TextField("facts", d.facts(), Field.Store.NO));
        }
        if (!d.attachments().isEmpty()) {
            doc.add(new TextField("attachments", d.attachments(), Field.Store.NO));
        }
        if (d.projectId() != null) {
            doc.add(new StoredField("projectId", d.projectId()));
        }
        if (d.bidDeadline() != null) {
            doc.add(new StoredField("bidDeadline", d.bidDeadline().toEpochMilli()));
        }
        if (d.openingAt() != null) {
            doc.add(new StoredField("openingAt", d.openingAt().toEpochMilli()));
        }
        return doc;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static void keyword(Document doc, String field, String value, boolean facet) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.YES));
        if (facet) {
            doc.add(new SortedSetDocValuesFacetField(field, value));
        }
    }
}
