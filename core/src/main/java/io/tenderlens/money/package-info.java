/**
 * Money as Chinese procurement pages write it.
 *
 * <p>{@link io.tenderlens.money.AmountParser} reads a value cell ({@code parse}) or finds every amount in
 * running text with its label, role and span ({@code findAll}); {@link io.tenderlens.money.AmountUnits}
 * reads the unit a column header declares; {@link io.tenderlens.money.MoneyLabels} says whether a header
 * names money and what role a label gives; {@link io.tenderlens.money.UnitCheck} catches a column written
 * in another unit than its header declares.
 *
 * <p>Decisions:
 * <ul>
 *   <li><b>Exact decimals.</b> Amounts are {@code BigDecimal} in the currency's main unit (yuan for CNY,
 *       never 万元), built from the written digits — never through {@code double}. Trailing zeros are
 *       stripped and the scale is never negative: {@code 6687920.0元} is {@code 6687920},
 *       {@code 1355348.80元} is {@code 1355348.8}; no scale of 2 is forced, so equal amounts are equal
 *       records and JSON shows what was meant.
 *   <li><b>Rates per period or per unit</b> ({@code 264.85万元/年}, {@code 500元/套}, a label
 *       {@code 单价（元/吨）}, {@code 每套售价}) are money with {@code per} set and
 *       {@link io.tenderlens.money.Money#isTotal()} false: they are never a budget or an award total.
 *       {@code parse} prefers the first sum in a text over a rate.
 *   <li><b>Zero.</b> Every zero amount carries {@link io.tenderlens.money.MoneyFlag#ZERO}: the ccgp summary
 *       prints {@code 0.000000 万元} when every lot failed, so a zero is an award of 0 only when a supplier
 *       is named for it.
 *   <li><b>大写 and 小写.</b> An amount written both ways ({@code 人民币壹佰万元整（¥1,000,000.00）}) is one
 *       match, flagged {@code CROSS_CHECKED}; when the two differ the 大写 reading is kept (the rule of bid
 *       evaluation) and flagged {@code WRITTEN_FORMS_DISAGREE}.
 *   <li><b>What is not money.</b> A number followed by % or (%), a count or time unit (个, 台, 天, 年…),
 *       a number glued to letters, dashes or colons (codes, dates, phones, times), more than 13 integer
 *       digits (accounts), an enumerator ({@code 1.代理费…}), or whose label's head word names a rate
 *       (系数, 率, 折扣, 下浮, 让利), a period, a person, a name or a method. A label's unit in brackets
 *       (元, 万元, %) outranks its words. Some templates print {@code (元)} after every field
 *       ({@code 工期:60(元)}): the label decides.
 *   <li><b>Bare numbers</b> are money only when a money label is tied to them by a colon or 为
 *       ({@code 预算金额：884000}), or in a cell ({@code parse}); the unit is then the label's, the
 *       caller's hint, or yuan flagged {@code UNIT_ASSUMED}.
 *   <li><b>Roles</b> come from the label's last keyword: 评审报价 and 投标报价 are {@code BID}, never the
 *       award; 中标报价 is {@code AWARD}; a lot marker ({@code 1分标}, {@code 第2包}) takes the label before it.
 * </ul>
 */
package io.tenderlens.money;
