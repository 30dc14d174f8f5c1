package io.tenderlens.metrics;

/** The seeds' three money measures. */
public enum Measure {
    /** 预算金额 / 最高限价: {@code tender.value}, else the sum of the lots' values. */
    BUDGET("预算金额", "budget"),
    /** 中标（成交）金额: the sum of the values of awards that are not cancelled or unsuccessful. */
    AWARD("成交金额", "award"),
    /** The topic part ("the blockchain part"): award money of the lots, awards and items that are about the topic. */
    TOPIC_PART("主题部分金额", "topic part");

    private final String zh;
    private final String en;

    Measure(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }

    public String en() { return en; }
}
