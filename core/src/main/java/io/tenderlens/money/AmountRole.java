package io.tenderlens.money;

/** What the label before an amount says the amount is. */
public enum AmountRole {
    /** 预算金额, 预算总金额, 采购预算, 项目预算. */
    BUDGET,
    /** 最高限价, 控制价, 拦标价, 最高投标限价. */
    CEILING,
    /** 中标金额, 成交金额, 中标价, 总中标金额. */
    AWARD,
    /** 合同金额, 合同总价. */
    CONTRACT,
    /** A bidder's price: 报价, 投标报价, 响应报价, 评审报价, 最终报价 — not the award by itself. */
    BID,
    /** 单价: a price per item. */
    UNIT_PRICE,
    /** 代理服务费, 服务费, 招标代理费. */
    FEE,
    /** 保证金 (bid or performance security). */
    DEPOSIT,
    /** A labelled amount of another kind, or no label. */
    OTHER
}
