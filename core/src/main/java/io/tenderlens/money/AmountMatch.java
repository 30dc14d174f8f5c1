package io.tenderlens.money;

/**
 * An amount found in running text.
 *
 * @param money      the amount
 * @param start      offset of the first character of the amount (number, 大写 numerals or currency sign) in the text
 * @param end        offset just past its last character (unit, 整, closing bracket of {@code （人民币）})
 * @param label      the label in front of it as written ({@code 中标（成交）金额}), or {@code null} when unlabelled
 * @param labelStart offset of the label, or {@code -1}
 * @param role       what the label says the amount is
 */
public record AmountMatch(Money money, int start, int end, String label, int labelStart, AmountRole role) {

    /** The span from the label (when there is one) to the end of the amount, as offsets into the text. */
    public int spanStart() {
        return labelStart >= 0 ? labelStart : start;
    }
}
