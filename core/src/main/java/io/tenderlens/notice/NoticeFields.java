package io.tenderlens.notice;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the extraction layer read off a notice: labelled values and data tables, each with the
 * section and lot it sits in.
 */
record NoticeFields(List<Field> fields, List<Table> tables, List<Statement> statements) {

    /**
     * Where a value was read: a label/value table row, {@code 标签：值} prose, or the metadata a crawler
     * or aggregator stored beside the text (used only where the notice itself is silent).
     */
    enum Source { TABLE, PROSE, METADATA }

    /**
     * A labelled value.
     *
     * @param key     what it means (generic labels already given their owner)
     * @param label   the label as printed
     * @param value   the value, trimmed
     * @param section the section it sits in
     * @param lot     the lot it belongs to, or null
     * @param span    the source words (label and value) for provenance
     */
    record Field(FieldKey key, String label, String value, Section section, String lot, String span, Source source) {}

    /**
     * A data table with its header row.
     *
     * @param header  column names of the header row
     * @param rows    data rows (cells as printed)
     * @param section the section the table sits in
     * @param lot     the lot named just before the table, or null
     * @param caption the line just before the table, or null
     */
    record Table(List<String> header, List<List<String>> rows, Section section, String lot, String caption) {
        /** Index of the first column whose name satisfies the test, or -1. */
        int column(Predicate<String> test) {
            for (int i = 0; i < header.size(); i++) {
                if (test.test(header.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        /** The cell, or "" when the row is short. */
        static String cell(List<String> row, int column) {
            return column >= 0 && column < row.size() ? row.get(column) : "";
        }
    }

    /** A sentence of a failure or amendment section that is not a labelled value (第14包：…本包废标。). */
    record Statement(Section section, String lot, String text) {}

    /** All values of a key, in reading order. */
    List<Field> all(FieldKey key) {
        return fields.stream().filter(f -> f.key() == key && !f.value().isEmpty()).toList();
    }

    /** The first non-empty value of a key. */
    Optional<Field> first(FieldKey key) {
        return fields.stream().filter(f -> f.key() == key && !f.value().isEmpty()).findFirst();
    }

    /** The first non-empty value of any of the keys, keys earlier in the list first. */
    Optional<Field> first(FieldKey... keys) {
        for (FieldKey k : keys) {
            Optional<Field> f = first(k);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
