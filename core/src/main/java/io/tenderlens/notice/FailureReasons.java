package io.tenderlens.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a procurement or one of its lots failed, read from the words of a 废标/流标/终止 notice: which
 * lots ({@code 标项1：…；标项2：…}, {@code 01、02、03分标…}), whether the procurement failed
 * ({@code unsuccessful}: 废标, 流标, 采购失败) or was called off ({@code cancelled}: 终止, 中止, 暂停),
 * and a kind of reason for counting.
 */
public final class FailureReasons {

    /** Kinds of reasons, in the order they are recognised (the first that fits wins). */
    public enum Kind {
        /** A complaint, a challenge or the supervisor's inspection annulled the result (投诉, 质疑, 监督检查处理决定). */
        COMPLAINT("投诉|质疑|处理决定|监督检查|责令|监督部门要求"),
        /** The e-procurement system failed (政采云系统原因, 电子开评标系统, 系统有误). */
        SYSTEM_FAILURE("系统原因|系统设置|系统有误|系统输入错误|系统出现|电子交易平台|电子开评标系统|电子签章原因|系统评分不符"),
        /** Unlawful or unfair conduct came to light (违法、违规行为). */
        IRREGULARITY("违法|违规|串通|不公平|影响采购公正"),
        /** The tender documents or the announcement were defective. */
        DOCUMENT_DEFECT("文件存在|存在(?:重大)?缺陷|存在歧义|歧义|设置(?:有误|错误|不合理)|有误|错误|错漏|录入|信息填写|没有更新|更正截标"
                + "|大小写不一致|已废止"),
        /** The evaluation could not be carried out (评审无法进行, 无法独立评分). */
        EVALUATION_FAILED("无法进行评审|评审无法|无法评审|评审工作无法|无法独立评分|无法往下进行|评委人数不符合|应当停止评标|没有办法独立评分"),
        /** Fewer bidders or responsive bidders than the law requires. */
        INSUFFICIENT_BIDDERS("不足[三3两2]家|少于[三3两2]家|不足[三3两2]个|无投标人|无供应商|没有投标人|没有供应商|未提交响应文件|未提交投标文件"
                + "|无人投标|数量不符合|数量不足|不足法定|供应商不足|投标人不足|无投标人参与|均不足|无法按时上传"),
        /** Bids exceeded the budget or ceiling price. */
        OVER_BUDGET("超过(?:了)?(?:采购)?预算|超预算|超过(?:了)?最高限价|超出预算|超过控制价"),
        /** The winner withdrew or refused to sign. */
        SUPPLIER_WITHDREW("放弃|拒绝(?:与采购人)?签订|自身原因"),
        /** Bids did not pass the qualification or compliance review. */
        NOT_COMPLIANT("不通过|未通过|不符合|未实质性响应|没有实质性响应|无效|不满足|未提供|未按.{0,12}要求|不一致|复制采购需求|不符"),
        /** The buyer's plan, needs, funds or qualification terms changed. */
        PLAN_CHANGED("采购计划|计划(?:有变|调整|变更)|需求|调整|变更|变动|变化|标的(?:改变|变更)|资金|预算压缩|无.{0,10}预算|任务取消|取消"
                + "|重大变故|因故|另行通知|延迟开标|改项"),
        OTHER("");

        private final Pattern words;

        Kind(String words) {
            this.words = Pattern.compile(words);
        }
    }

    /**
     * One failure statement.
     *
     * @param lots    the lots it is about (normalised ids); empty when it is about the whole procurement
     * @param reason  the words of the statement
     * @param outcome {@code "unsuccessful"} or {@code "cancelled"}
     * @param kind    the kind of reason
     */
    public record Failure(List<String> lots, String reason, String outcome, Kind kind) {}

    /** Where one lot's statement starts: 标项1：, 第2包：, A分标：, 01分标至…. */
    private static final Pattern LOT_START = Pattern.compile(
            "(?:标项\\s*[0-9一二三四五六七八九十]+|第\\s*[0-9一二三四五六七八九十]+\\s*(?:包|标段|分标|标项)|(?<![0-9A-Za-z、,，])[0-9A-Z]{1,2}\\s*(?:分标|包)(?![0-9A-Za-z、,，]))\\s*[:：]?");
    private static final Pattern CANCELLING = Pattern.compile("终止|中止|暂停|取消");
    private static final Pattern FAILING = Pattern.compile("废标|流标|采购失败|失败|作废");

    private FailureReasons() {}

    /** Splits a reason text into statements per lot (or one for the whole procurement). */
    public static List<Failure> read(String text) {
        List<Failure> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String t = Text.squash(text);
        List<Integer> starts = new ArrayList<>();
        Matcher m = LOT_START.matcher(Text.fold(t));
        while (m.find()) {
            int at = m.start();
            boolean boundary = at == 0 || "；;。，, ".indexOf(t.charAt(at - 1)) >= 0 || t.charAt(at - 1) == '.';
            if (boundary) {
                starts.add(at);
            }
        }
        if (starts.isEmpty() || starts.get(0) != 0) {
            starts.add(0, 0);
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : t.length();
            String piece = Text.trimValue(t.substring(starts.get(i), end));
            if (piece.isEmpty()) {
                continue;
            }
            out.add(new Failure(LotIds.all(piece), piece, outcome(piece), kind(piece)));
        }
        return out;
    }

    /** Lot → reason for every lot named, in order. */
    public static Map<String, String> byLot(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Failure f : read(text)) {
            for (String lot : f.lots()) {
                out.putIfAbsent(lot, f.reason());
            }
        }
        return out;
    }

    /** {@code cancelled} for 终止/中止/暂停 without 废标/流标, else {@code unsuccessful}. */
    public static String outcome(String reason) {
        return CANCELLING.matcher(reason).find() && !FAILING.matcher(reason).find() ? "cancelled" : "unsuccessful";
    }

    public static Kind kind(String reason) {
        for (Kind k : Kind.values()) {
            if (k == Kind.OTHER || k.words.matcher(reason).find()) {
                return k;
            }
        }
        return Kind.OTHER;
    }
}
