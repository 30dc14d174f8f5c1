package io.tenderlens.notice;

/** Small text helpers shared by the notice readers. */
final class Text {
    private Text() {}

    /**
     * Folds full-width ASCII (digits, letters, brackets, colons) to half-width and every kind of space to
     * a plain space, one character for one, so that offsets in the folded text are offsets in the original.
     */
    static String fold(String s) {
        char[] out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char f = fold(c);
            if (f != c) {
                if (out == null) {
                    out = s.toCharArray();
                }
                out[i] = f;
            }
        }
        return out == null ? s : new String(out);
    }

    static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u3000': case '\u00A0': case '\u2002': case '\u2003': case '\u2009': case '\t': case '\r': case '\u200B':
            case '\uFEFF':
                return ' ';
            case '\u3010': case '\u3014': case '\u3016':
                return '[';
            case '\u3011': case '\u3015': case '\u3017':
                return ']';
            case '\u2014': case '\u2013': case '\u2212':
                return '-';
            default:
                return c;
        }
    }

    /** Collapses runs of any kind of space (ideographic, no-break, tabs, line breaks) to one space and trims. */
    static String squash(String s) {
        int n = s.length();
        int first = 0;
        while (first < n && !isSpace(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            return s;
        }
        char[] out = new char[n];
        s.getChars(0, first, out, 0);
        int len = first;
        boolean space = true;
        for (int i = first + 1; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space && len > 0) {
                out[len++] = ' ';
            }
            out[len++] = c;
            space = false;
        }
        return new String(out, 0, len);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\u2002' || c == '\u2003'
                || c == '\u2009' || c == '\u200B' || c == '\uFEFF';
    }

    /** True when the text holds at least {@code run} ASCII digits in a row. */
    static boolean hasDigitRun(String s, int run) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n = c >= '0' && c <= '9' ? n + 1 : 0;
            if (n >= run) {
                return true;
            }
        }
        return false;
    }

    /** True for a CJK unified ideograph. */
    static boolean isHan(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    /** Trims spaces and the punctuation that ends a value in prose (；，。、). */
    static String trimValue(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (Character.isWhitespace(s.charAt(b)) || isEdgePunct(s.charAt(b)) || s.charAt(b) == '\u3000'
                || s.charAt(b) == '\u00A0')) {
            b++;
        }
        while (e > b && (Character.isWhitespace(s.charAt(e - 1)) || isEdgePunct(s.charAt(e - 1)) || isOpening(s.charAt(e - 1))
                || s.charAt(e - 1) == '\u3000' || s.charAt(e - 1) == '\u00A0')) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '（' || c == '[' || c == '【' || c == '〔';
    }

    private static boolean isEdgePunct(char c) {
        return c == '；' || c == ';' || c == '，' || c == ',' || c == '。' || c == '、' || c == ':' || c == '：'
                || c == '|';
    }

    /** Cuts a value at a closing bracket that has no opening one: the label sat inside brackets, (项目编号：X)中标公告. */
    static String cutUnbalanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（' || c == '[' || c == '【' || c == '〔') {
                depth++;
            } else if (c == ')' || c == '）' || c == ']' || c == '】' || c == '〕') {
                if (depth == 0) {
                    return trimValue(s.substring(0, i));
                }
                depth--;
            }
        }
        return s;
    }
}
