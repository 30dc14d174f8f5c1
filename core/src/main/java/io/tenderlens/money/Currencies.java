package io.tenderlens.money;

import java.util.List;

/** Currency names, codes and signs as Chinese pages write them, mapped to ISO 4217. */
final class Currencies {
    private Currencies() {}

    record Word(String text, String code) {}

    /** Words written after a number; longest first so 新加坡元 wins over 元. 元/圆 are handled apart (元素 is not money). */
    static final List<Word> SUFFIX_WORDS = List.of(
            new Word("新加坡元", "SGD"), new Word("瑞士法郎", "CHF"), new Word("加拿大元", "CAD"),
            new Word("澳门元", "MOP"), new Word("澳门币", "MOP"), new Word("新台币", "TWD"),
            new Word("人民币", "CNY"), new Word("美元", "USD"), new Word("美金", "USD"), new Word("欧元", "EUR"),
            new Word("日元", "JPY"), new Word("英镑", "GBP"), new Word("港元", "HKD"), new Word("港币", "HKD"),
            new Word("澳元", "AUD"), new Word("加元", "CAD"), new Word("卢布", "RUB"), new Word("韩元", "KRW"));

    /** Codes, written before or after a number. */
    static final List<String> CODES = List.of("RMB", "CNY", "USD", "EUR", "JPY", "GBP", "HKD", "AUD", "CAD",
            "CHF", "RUB", "KRW", "SGD", "MOP", "TWD");

    /** Signs written before a number; longest first. */
    static final List<Word> SIGNS = List.of(
            new Word("US$", "USD"), new Word("HK$", "HKD"), new Word("¥", "CNY"), new Word("$", "USD"),
            new Word("€", "EUR"), new Word("£", "GBP"));

    static String code(String codeOrRmb) {
        return codeOrRmb.equals("RMB") ? Money.CNY : codeOrRmb;
    }

    /** The currency word starting at {@code at}, or null. */
    static Word suffixWordAt(char[] t, int at) {
        for (Word w : SUFFIX_WORDS) {
            if (Fold.startsWith(t, at, w.text())) {
                return w;
            }
        }
        if (ChineseNumerals.isYuanAt(t, at)) {
            return new Word(String.valueOf(t[at]), Money.CNY);
        }
        return null;
    }

    /** A currency code starting at {@code at} and not glued to more letters, or null. */
    static String codeAt(char[] t, int at) {
        for (String c : CODES) {
            if (Fold.startsWith(t, at, c) && !(at + c.length() < t.length && Fold.isLatinLetter(t[at + c.length()]))
                    && !(at > 0 && Fold.isLatinLetter(t[at - 1]))) {
                return c;
            }
        }
        return null;
    }

    /** A currency code ending at {@code end} and not glued to more letters, or null. */
    static String codeEndingAt(char[] t, int end) {
        for (String c : CODES) {
            int at = end - c.length();
            if (Fold.startsWith(t, at, c) && !(at > 0 && Fold.isLatinLetter(t[at - 1]))) {
                return c;
            }
        }
        return null;
    }

    /** A sign ending at {@code end}, or null. */
    static Word signEndingAt(char[] t, int end) {
        for (Word w : SIGNS) {
            if (Fold.endsWith(t, end, w.text())) {
                return w;
            }
        }
        return null;
    }
}
