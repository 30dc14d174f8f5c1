package io.tenderlens.money;

/**
 * Folds text to the half-width forms the scanner reads, one char for one char, so every offset into
 * the folded text is the same offset into the original.
 */
final class Fold {
    private Fold() {}

    static char[] fold(String s) {
        char[] t = new char[s.length()];
        for (int i = 0; i < t.length; i++) {
            t[i] = foldChar(s, i);
        }
        return t;
    }

    private static char foldChar(String s, int i) {
        char c = s.charAt(i);
        if (c == '，') {
            // A full-width comma is a clause break, except between full-width digits (１，２３４).
            return isFullWidthDigitAt(s, i - 1) && isFullWidthDigitAt(s, i + 1) ? ',' : c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200B', '\uFEFF' -> { return ' '; }
            case '\uFFE5', '\u00A5' -> { return '¥'; }
            case '【', '〔', '［' -> { return '['; }
            case '】', '〕', '］' -> { return ']'; }
            case '﹪' -> { return '%'; }
            case '\r' -> { return '\n'; }
            default -> { return c; }
        }
    }

    private static boolean isFullWidthDigitAt(String s, int i) {
        return i >= 0 && i < s.length() && s.charAt(i) >= '０' && s.charAt(i) <= '９';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLatinLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** Space inside a line (not tab or newline, which end a label). */
    static boolean isSpace(char c) {
        return c == ' ';
    }

    static boolean isOpen(char c) {
        return c == '(' || c == '[' || c == '<';
    }

    static boolean isClose(char c) {
        return c == ')' || c == ']' || c == '>';
    }

    static boolean startsWith(char[] t, int at, String word) {
        if (at < 0 || at + word.length() > t.length) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (t[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static boolean endsWith(char[] t, int end, String word) {
        return startsWith(t, end - word.length(), word);
    }
}
