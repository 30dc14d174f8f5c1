package io.tenderlens.report;

/** Escaping for text that came from notices: it is data, never markup. */
public final class Html {
    private Html() {}

    /** Escapes text for element content and quoted attribute values (HTML and SVG). */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab and newlines are not allowed in HTML/XML text
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The report's page of an archived source ({@link ReportSources}). */
    private static final java.util.regex.Pattern SOURCE_PAGE = java.util.regex.Pattern.compile("sources/[0-9a-f]{64}\\.html");

    /**
     * An href that can only be a link in this page, a path on this site ({@code /…}, not {@code //host}), an
     * http(s) URL or the report's page of an archived source; anything else (javascript:, data:) becomes empty.
     */
    public static String safeHref(String href) {
        if (href == null) {
            return "";
        }
        String h = href.strip();
        String lower = h.toLowerCase(java.util.Locale.ROOT);
        boolean sitePath = h.startsWith("/") && !h.startsWith("//") && !h.startsWith("/\\");
        if (h.startsWith("#") || sitePath || lower.startsWith("http://") || lower.startsWith("https://") || SOURCE_PAGE.matcher(h).matches()) {
            return escape(h);
        }
        return "";
    }
}
