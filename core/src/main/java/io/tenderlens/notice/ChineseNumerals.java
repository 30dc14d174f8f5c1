package io.tenderlens.notice;

/** Small Chinese numerals as they number sections and lots (一 … 九十九). Money numerals belong to the amount parser. */
final class ChineseNumerals {
    private ChineseNumerals() {}

    /** The value of 一, 十, 十二, 二十, 二十三, 一百零五; -1 when the text is not such a numeral. */
    static int parse(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        int total = 0;
        int digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                digit = d;
            } else if (c == '十') {
                total += (digit < 0 ? 1 : digit) * 10;
                digit = -1;
            } else if (c == '百') {
                total += (digit < 0 ? 1 : digit) * 100;
                digit = -1;
            } else {
                return -1;
            }
        }
        return total + Math.max(digit, 0);
    }

    private static int digit(char c) {
        switch (c) {
            case '零': case '〇': return 0;
            case '一': return 1;
            case '二': case '两': return 2;
            case '三': return 3;
            case '四': return 4;
            case '五': return 5;
            case '六': return 6;
            case '七': return 7;
            case '八': return 8;
            case '九': return 9;
            default: return -1;
        }
    }
}
