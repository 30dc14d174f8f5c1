package io.tenderlens.notice;

import io.tenderlens.text.WordTrie;
import java.util.Comparator;
import java.util.List;

/**
 * The part of a notice a value sits in. The same label means different things in different parts:
 * {@code 名称} under 采购人信息 is the buyer, under 采购代理机构信息 the agency; a supplier and a price
 * under 中标信息 are an award, under 评审报价 or 投标供应商 only a bid.
 */
public enum Section {
    SUMMARY("公告概要"),
    BASIC("项目基本情况", "项目概况", "基本情况", "项目信息"),
    /** Bids, rankings and scores: never the award. Listed before AWARD so that 中标候选人 is a bid, not an award. */
    BIDS("评审报价", "投标供应商", "报价", "候选", "排名", "排序", "评分", "得分", "开标记录", "唱标", "投标人名单"),
    AWARD("中标信息", "成交信息", "中标（成交）信息", "中标(成交)信息", "中标结果", "成交结果", "采购结果", "中标人信息",
            "中标（成交）结果", "中标供应商", "成交供应商", "中标情况", "成交情况"),
    ITEMS("主要标的", "标的信息", "采购需求", "采购项目的名称", "采购内容", "采购清单", "需求", "标的名称"),
    FAILURE("废标", "流标", "终止的原因", "终止原因", "采购失败", "失败原因"),
    AMENDMENT("更正信息", "更正内容", "变更信息", "变更内容", "更正事项"),
    BUYER_INFO("采购人信息", "采购单位信息", "招标人信息", "征集人信息"),
    AGENCY_INFO("采购代理机构信息", "代理机构信息", "招标代理机构信息", "集中采购机构信息"),
    CONTACT_INFO("项目联系方式", "联系方式", "联系人及联系方式"),
    FEES("代理服务", "代理费", "收费标准"),
    EXPERTS("评审专家", "评标委员会", "评审委员会", "磋商小组", "谈判小组", "询价小组"),
    OTHER("公告期限", "补充事宜", "其他事项", "其它补充", "附件", "投标人的资格要求", "资格要求", "政府采购政策",
            "招标文件的发售", "获取招标文件", "获取采购文件", "发售时间", "提交投标文件", "投标截止", "开标时间", "开标地点",
            "质疑", "监督", "申请人的资格", "凡对本次");

    private final List<String> words;
    /** Every section word, to the first section (in the order above) that has it. */
    private static final WordTrie<Section> WORDS = new WordTrie<>();

    static {
        for (Section s : values()) {
            for (String w : s.words) {
                if (WORDS.get(w) == null) {
                    WORDS.put(w, s);
                }
            }
        }
    }

    Section(String... words) {
        this.words = List.of(words);
    }

    /**
     * The section a heading opens, or null when the words name none: of the sections whose words it holds, the first
     * in the order above. Headings with 中标 and 候选 are bids.
     */
    static Section ofHeading(String heading) {
        String h = heading.indexOf(' ') >= 0 ? heading.replace(" ", "") : heading;
        if (h.isEmpty() || h.length() > 40) {
            return null;
        }
        return WORDS.valuesIn(h).stream().min(Comparator.naturalOrder()).orElse(null);
    }
}
