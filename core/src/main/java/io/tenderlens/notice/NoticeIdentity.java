package io.tenderlens.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Release identifiers. The release id is a hash of what the notice says (everything but where it was
 * found and how it was read), so the same notice re-published on several sites, or crawled 25 times,
 * is one release. The ocid starts as the notice's own linking key ({@link NoticeLinker#ocidOf}); the
 * linker may move a notice into an earlier notice's ocid.
 */
final class NoticeIdentity {
    /** Fields that say where a notice was found, not what it says. */
    private static final Set<String> NOT_CONTENT = Set.of("id", "ocid", "noticeSource", "provenance");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NoticeIdentity() {}

    static void assign(ObjectNode release) {
        release.put("id", releaseId(release));
        NoticeLinker.setOcid(release, NoticeLinker.ocidOf(release));
    }

    /** {@code notice-} and 20 hex digits of the SHA-256 of the release content in canonical form. */
    static String releaseId(JsonNode release) {
        StringBuilder sb = new StringBuilder();
        canonical(release, sb, true);
        return "notice-" + Hashes.sha256(sb.toString()).substring(0, 20);
    }

    /** JSON with object keys sorted, so that equal content always hashes equal. */
    private static void canonical(JsonNode node, StringBuilder sb, boolean top) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (!(top && NOT_CONTENT.contains(n))) {
                    names.add(n);
                }
            }
            names.sort(null);
            sb.append('{');
            for (String n : names) {
                sb.append('"').append(n).append("\":");
                canonical(node.get(n), sb, false);
                sb.append(',');
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (JsonNode e : node) {
                canonical(e, sb, false);
                sb.append(',');
            }
            sb.append(']');
        } else if (node.isNumber()) {
            sb.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isTextual()) {
            quote(node.textValue(), sb);
        } else {
            sb.append(node.toString()); // true, false, null
        }
    }

    /** A string as JSON writes it: quote, backslash and control characters escaped, nothing else. */
    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
