package io.tenderlens.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random amounts written in every form the pages use, read back exactly (seeded, so failures repeat). */
class AmountRoundTripTest {
    private final AmountParser parser = new AmountParser();

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /** Up to 10¹² yuan with 0–2 decimals; small, round and zero-laden amounts are drawn often. */
    static BigDecimal amount(long seed) {
        Random r = new Random(seed);
        int digits = 1 + r.nextInt(12);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            int d = r.nextInt(10);
            b.append(i == 0 ? Math.max(1, d) : (r.nextInt(3) == 0 ? 0 : d)); // many zeros: 壹亿零伍佰
        }
        BigDecimal yuan = new BigDecimal(b.toString());
        int decimals = r.nextInt(3);
        if (decimals > 0) {
            yuan = yuan.add(BigDecimal.valueOf(r.nextInt(decimals == 1 ? 10 : 100)).movePointLeft(decimals));
        }
        return seed == 0 ? BigDecimal.ZERO : yuan;
    }

    static Stream<BigDecimal> amounts() {
        return seeds().mapToObj(AmountRoundTripTest::amount);
    }

    static List<String> forms(BigDecimal yuan) {
        String plain = yuan.toPlainString();
        String wan = Money.normalise(yuan.movePointLeft(4)).toPlainString();
        String yi = Money.normalise(yuan.movePointLeft(8)).toPlainString();
        return List.of(
                plain + "元",
                WrittenForms.grouped(yuan) + "元",
                "¥" + WrittenForms.grouped(yuan),
                wan + "万元",
                wan + "万元人民币",
                "￥" + WrittenForms.wanSixDecimals(yuan) + " 万元（人民币）",
                wan + "（万元）",
                yi + "亿元",
                "人民币" + WrittenForms.formal(yuan),
                WrittenForms.formal(yuan) + "（¥" + WrittenForms.grouped(yuan) + "元）",
                WrittenForms.fullWidth(plain) + "元",
                "￥" + WrittenForms.fullWidth(WrittenForms.grouped(yuan)),
                WrittenForms.fullWidth(wan) + "万元",
                "RMB " + WrittenForms.grouped(yuan));
    }

    @ParameterizedTest
    @MethodSource("amounts")
    void everyWrittenFormReadsBackExactly(BigDecimal yuan) {
        for (String written : forms(yuan)) {
            Money m = parser.parse(written).orElseThrow(() -> new AssertionError("not read: " + written));
            assertThat(m.amount()).as(written).isEqualByComparingTo(yuan);
            assertThat(m.currency()).as(written).isEqualTo("CNY");
            assertThat(m.isTotal()).as(written).isTrue();
            assertThat(m.isZero()).as(written).isEqualTo(yuan.signum() == 0);
            assertThat(m.amount().scale()).as(written).isBetween(0, 2);
        }
    }

    @ParameterizedTest
    @MethodSource("amounts")
    void inALabelledSentenceTheSpanIsTheWrittenAmount(BigDecimal yuan) {
        for (String written : forms(yuan)) {
            String text = "项目编号：GXZC2023-G3-000948，中标（成交）金额：" + written + "，服务期：3年。";
            List<AmountMatch> found = parser.findAll(text);
            assertThat(found).as(text).hasSize(1);
            AmountMatch m = found.get(0);
            assertThat(m.money().amount()).as(text).isEqualByComparingTo(yuan);
            assertThat(m.role()).as(text).isEqualTo(AmountRole.AWARD);
            assertThat(m.label()).as(text).isEqualTo("中标（成交）金额");
            assertThat(text.substring(m.start(), m.end())).as(text).isEqualTo(written);
        }
    }

    @ParameterizedTest
    @MethodSource("amounts")
    void aBareCellReadsInItsHeadersUnit(BigDecimal yuan) {
        String wan = Money.normalise(yuan.movePointLeft(4)).toPlainString();
        Money m = parser.parse(wan, AmountUnits.fromHeader("中标金额(万元)").orElseThrow()).orElseThrow();
        assertThat(m.amount()).isEqualByComparingTo(yuan);
        assertThat(m.has(MoneyFlag.UNIT_FROM_HINT)).isTrue();
    }
}
