package io.tenderlens.source.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON tree as compact UTF-8 the way ocdskit's Python writes it ({@code json.dumps} with
 * {@code ensure_ascii=False}): characters as they are, a character beyond the BMP as its four UTF-8
 * bytes (Jackson would write two escapes), control characters as {@code \b \t \n \f \r} or
 * backslash-u escapes with lower-case hex digits. Numbers are written as Jackson writes them. It is faster than
 * Jackson's generator, which was most of compile's time: a string that needs no escape is encoded by
 * {@link String#getBytes} and copied as a block instead of character by character. A lone surrogate,
 * which neither Python nor Jackson can write as UTF-8, is written as an escape, so the text read is the
 * text written. Field names are encoded once per thread. Node types that JSON parsing does not make go
 * through Jackson.
 */
public final class CompactJsonWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** Field names met this often are few (a schema's worth), but the input decides: the cache stops growing here. */
    private static final int MAX_CACHED_NAMES = 10_000;
    private static final ThreadLocal<CompactJsonWriter> PER_THREAD = ThreadLocal.withInitial(CompactJsonWriter::new);

    private byte[] buf = new byte[1 << 16];
    private int len;
    /** Each field name's bytes as written, quotes and colon included. */
    private final Map<String, byte[]> names = new HashMap<>();

    private CompactJsonWriter() {}

    /** Appends {@code value}'s compact JSON to {@code out}. */
    public static void write(JsonNode value, ByteArrayOutputStream out) {
        CompactJsonWriter w = PER_THREAD.get();
        w.len = 0;
        w.value(value);
        out.write(w.buf, 0, w.len);
        if (w.buf.length > 1 << 24) {
            w.buf = new byte[1 << 16]; // a huge value's buffer is not kept
        }
    }

    private void value(JsonNode node) {
        if (node instanceof TextNode t) {
            string(t.textValue());
        } else if (node instanceof ObjectNode o) {
            object(o);
        } else if (node instanceof ArrayNode a) {
            array(a);
        } else if (node instanceof IntNode || node instanceof LongNode || node instanceof BigIntegerNode) {
            ascii(node.asText());
        } else if (node instanceof DecimalNode d) {
            ascii(d.decimalValue().toString());
        } else if (node instanceof BooleanNode b) {
            raw(b.booleanValue() ? TRUE : FALSE);
        } else if (node instanceof NullNode) {
            raw(NULL);
        } else {
            raw(OcdsJson.write(node));
        }
    }

    private void object(ObjectNode o) {
        put('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!first) {
                put(',');
            }
            first = false;
            name(field.getKey());
            value(field.getValue());
        }
        put('}');
    }

    private void array(ArrayNode a) {
        put('[');
        for (int i = 0, n = a.size(); i < n; i++) {
            if (i > 0) {
                put(',');
            }
            value(a.get(i));
        }
        put(']');
    }

    private void name(String name) {
        byte[] bytes = names.get(name);
        if (bytes == null) {
            int start = len;
            string(name);
            put(':');
            if (names.size() < MAX_CACHED_NAMES) {
                names.put(name, Arrays.copyOfRange(buf, start, len));
            }
            return;
        }
        raw(bytes);
    }

    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        boolean plain = true;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            // getBytes puts '?' in place of a lone surrogate, which the character loop escapes instead
            if ((b >= 0 && b < 0x20) || b == '"' || b == '\\' || (b == '?' && s.charAt(charIndex(utf8, i)) != '?')) {
                plain = false;
                break;
            }
        }
        if (!plain) {
            escapedString(s);
            return;
        }
        ensure(utf8.length + 2);
        buf[len++] = '"';
        System.arraycopy(utf8, 0, buf, len, utf8.length);
        len += utf8.length;
        buf[len++] = '"';
    }

    /** The index in the string of the character whose UTF-8 starts at {@code byteIndex}. */
    private static int charIndex(byte[] utf8, int byteIndex) {
        int chars = 0;
        for (int i = 0; i < byteIndex; i++) {
            int b = utf8[i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                chars += b >= 0xF0 ? 2 : 1; // four bytes are a surrogate pair
            }
        }
        return chars;
    }

    /** The character loop: escapes where Python's json module puts them, UTF-8 by hand. */
    private void escapedString(String s) {
        int n = s.length();
        ensure(6 * n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buf[len++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                escape(c);
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        buf[len++] = '"';
    }

    private void escape(char c) {
        buf[len++] = '\\';
        switch (c) {
            case '"' -> buf[len++] = '"';
            case '\\' -> buf[len++] = '\\';
            case '\b' -> buf[len++] = 'b';
            case '\t' -> buf[len++] = 't';
            case '\n' -> buf[len++] = 'n';
            case '\f' -> buf[len++] = 'f';
            case '\r' -> buf[len++] = 'r';
            default -> {
                buf[len++] = 'u';
                buf[len++] = HEX[(c >> 12) & 0xF];
                buf[len++] = HEX[(c >> 8) & 0xF];
                buf[len++] = HEX[(c >> 4) & 0xF];
                buf[len++] = HEX[c & 0xF];
            }
        }
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    private void put(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
