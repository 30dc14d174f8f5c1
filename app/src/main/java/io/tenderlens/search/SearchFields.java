package io.tenderlens.search;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the search index and how one record becomes a document.
 *
 * <p>Searchable (segmented, stored, offsets in the postings for the highlighter): {@link #TITLE},
 * {@link #BUYER}, {@link #SUPPLIER} (one value per supplier) and {@link #TEXT} — every other title,
 * description and rationale of the compiled release (tender description, items and their
 * classifications, lots, awards, contracts, amendments, documents, planning, the notice's title),
 * but not party details, provenance or the sample's article references. Stored for display only:
 * {@link #OCID} (also the key for updates), {@link #DATE}, {@link #PROVINCE}, {@link #STATUS}.
 */
public final class SearchFields {
    public static final String OCID = "ocid";
    public static final String TITLE = "title";
    public static final String BUYER = "buyer";
    public static final String SUPPLIER = "supplier";
    public static final String TEXT = "text";
    public static final String DATE = "date";
    public static final String PROVINCE = "province";
    public static final String STATUS = "status";
    /** Stored only, for reports: the compiled release, and the record's notices (id, date, tag, noticeSource), as JSON. */
    public static final String COMPILED = "compiled";
    public static final String NOTICES = "notices";

    /** The fields a query may name, in the order snippets are shown. */
    public static final List<String> SEARCHABLE = List.of(TITLE, BUYER, SUPPLIER, TEXT);

    /** Keys whose strings are prose worth searching, wherever they appear in a release. */
    private static final Set<String> PROSE_KEYS = Set.of("title", "description", "rationale", "statusDetails",
            "project", "procurementMethodDetails");
    /** Branches that are not the procurement's own text: other parties, where values came from, references. */
    private static final Set<String> SKIPPED_BRANCHES = Set.of("parties", "buyer", "provenance", "reportedBy",
            "relatedProcesses", "suppliers", "tenderers", "procuringEntity");

    private static final FieldType SEARCHABLE_TYPE = new FieldType();

    static {
        SEARCHABLE_TYPE.setTokenized(true);
        SEARCHABLE_TYPE.setStored(true);
        SEARCHABLE_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SEARCHABLE_TYPE.freeze();
    }

    private SearchFields() {}

    /** What the index keeps of one record. */
    public record RecordText(String ocid, String title, String buyer, List<String> suppliers, List<String> text,
                             String date, String province, String status) {}

    /**
     * The record's text: title, buyer and suppliers as flattened by the store, the rest read from its
     * compiled release.
     */
    public static RecordText of(String ocid, String title, String buyer, List<String> suppliers, String date,
                                String province, String status, JsonNode compiled) {
        Set<String> prose = new LinkedHashSet<>();
        collectProse(compiled, prose);
        if (title != null) {
            prose.remove(title.strip());
        }
        return new RecordText(ocid, title, buyer, suppliers, List.copyOf(prose), date, province, status);
    }

    private static void collectProse(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(element -> collectProse(element, out));
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                if (SKIPPED_BRANCHES.contains(e.getKey())) {
                    continue;
                }
                if (value.isTextual() && PROSE_KEYS.contains(e.getKey())) {
                    String s = value.textValue().strip();
                    if (!s.isEmpty()) {
                        out.add(s);
                    }
                } else if (value.isContainerNode()) {
                    collectProse(value, out);
                }
            }
        }
    }

    /** The Lucene document of a record. */
    public static Document document(RecordText r) {
        Document doc = new Document();
        doc.add(new StringField(OCID, r.ocid(), Field.Store.YES));
        addSearchable(doc, TITLE, r.title());
        addSearchable(doc, BUYER, r.buyer());
        r.suppliers().forEach(s -> addSearchable(doc, SUPPLIER, s));
        r.text().forEach(s -> addSearchable(doc, TEXT, s));
        addStored(doc, DATE, r.date());
        addStored(doc, PROVINCE, r.province());
        addStored(doc, STATUS, r.status());
        return doc;
    }

    /** Adds what a report needs of the record (see {@link RecordSearcher#storedRecordsMatchingAny}). */
    public static void addStoredRecord(Document doc, String compiledJson, String noticesJson) {
        addStored(doc, COMPILED, compiledJson);
        addStored(doc, NOTICES, noticesJson == null ? "[]" : noticesJson);
    }

    /** A record as the index stores it for reports. */
    public record StoredRecord(String ocid, String compiled, String notices) {}

    private static void addSearchable(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new Field(field, value, SEARCHABLE_TYPE));
        }
    }

    private static void addStored(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }
}
