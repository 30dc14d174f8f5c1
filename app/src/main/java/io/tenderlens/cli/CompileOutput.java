package io.tenderlens.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.source.ocds.CompactJsonWriter;
import io.tenderlens.source.ocds.OcdsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bytes {@code compile} writes, shaped as ocdskit writes them: compact JSON ({@code ,} and
 * {@code :} without spaces) or, with {@code --pretty}, Python's {@code indent=2} layout; non-ASCII
 * characters as they are or, with {@code --ascii}, as {@code \\uXXXX} escapes. Either one value per
 * line, or one record package written as a stream: {@link #packageStart}, then records, then
 * {@link #packageEnd}.
 */
final class CompileOutput {
    /** Records sit two levels deep in a pretty record package. */
    private static final String PRETTY_RECORD_INDENT = "\n    ";

    private final ObjectWriter writer;
    private final boolean pretty;
    /** The default layout, which {@link CompactJsonWriter} writes faster than Jackson. */
    private final boolean compactUtf8;
    private String packageSuffix;
    private boolean anyRecord;

    CompileOutput(boolean pretty, boolean ascii) {
        ObjectWriter w = OcdsJson.mapper().writer();
        if (pretty) {
            w = w.with(pythonIndent2());
        }
        if (ascii) {
            w = w.with(JsonWriteFeature.ESCAPE_NON_ASCII);
        }
        this.writer = w;
        this.pretty = pretty;
        this.compactUtf8 = !pretty && !ascii;
    }

    /** json.dumps(indent=2): two spaces, "key": value, every array element on its own line, empty [] and {}. */
    private static DefaultPrettyPrinter pythonIndent2() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }

    /** One value and a newline (JSON Lines, or a pretty block per value). */
    void writeLine(JsonNode value, ByteArrayOutputStream out) {
        write(value, out);
        out.write('\n');
    }

    /** One record of a record package, with the separator before it if {@code first} is false. */
    void writeRecord(JsonNode record, boolean first, ByteArrayOutputStream out) {
        if (!first) {
            out.write(',');
        }
        if (pretty) {
            // JSON strings hold no raw newlines, so indenting every line of the record is safe
            String text = new String(bytes(record), StandardCharsets.UTF_8).replace("\n", PRETTY_RECORD_INDENT);
            out.writeBytes((PRETTY_RECORD_INDENT + text).getBytes(StandardCharsets.UTF_8));
        } else {
            write(record, out);
        }
    }

    /**
     * Writes the package's metadata and opens its {@code records} array. {@code header} holds the
     * metadata fields in output order; {@code records} is added last.
     */
    void packageStart(ObjectNode header, OutputStream out) throws IOException {
        ObjectNode shell = header.deepCopy();
        shell.putArray("records");
        String text = new String(bytes(shell), StandardCharsets.UTF_8);
        int open = text.lastIndexOf("[]");
        out.write(text.substring(0, open + 1).getBytes(StandardCharsets.UTF_8));
        packageSuffix = text.substring(open + 1);
    }

    /** Notes that records were written (so the closing bracket goes on its own line when pretty). */
    void recordsWritten() {
        anyRecord = true;
    }

    /** Closes the {@code records} array and the package, and ends the line. */
    void packageEnd(OutputStream out) throws IOException {
        String end = pretty && anyRecord ? "\n  " + packageSuffix : packageSuffix;
        out.write((end + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(JsonNode value, ByteArrayOutputStream out) {
        if (compactUtf8) {
            CompactJsonWriter.write(value, out);
        } else {
            out.writeBytes(bytes(value));
        }
    }

    private byte[] bytes(JsonNode value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
