package io.tenderlens.notice;

/**
 * The kind of a notice, as DESIGN.md maps it to OCDS: the release tag and the tender status it
 * implies, with Chinese and English labels for people.
 */
public enum NoticeType {
    PLANNING("planning", "采购意向", "Procurement intention", "planning", "planned"),
    TENDER("tender", "招标公告", "Call for tenders", "tender", "active"),
    AMENDMENT("tenderAmendment", "更正公告", "Correction", "tenderAmendment", "active"),
    AWARD("award", "中标（成交）结果公告", "Award", "award", "complete"),
    /** A correction of an award (中标结果变更公告, 成交结果更正公告). */
    AWARD_AMENDMENT("awardAmendment", "中标结果变更公告", "Award correction", "awardUpdate", null),
    UNSUCCESSFUL("unsuccessful", "废标（流标）公告", "Failed (unsuccessful)", "tenderUpdate", "unsuccessful"),
    CANCELLED("tenderCancellation", "终止公告", "Cancellation", "tenderCancellation", "cancelled"),
    CONTRACT("contract", "合同公告", "Contract", "contract", null),
    IMPLEMENTATION("implementation", "验收公告", "Acceptance (implementation)", "implementation", null);

    private final String code;
    private final String zh;
    private final String en;
    private final String tag;
    private final String tenderStatus;

    NoticeType(String code, String zh, String en, String tag, String tenderStatus) {
        this.code = code;
        this.zh = zh;
        this.en = en;
        this.tag = tag;
        this.tenderStatus = tenderStatus;
    }

    /** The code written to {@code noticeSource.noticeType}, from our extension's codelist. */
    public String code() {
        return code;
    }

    /** The Chinese label of the kind, used for {@code noticeTypeZh} when the notice states its type in no words of its own. */
    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The OCDS release tag. */
    public String tag() {
        return tag;
    }

    /** The {@code tender.status} this kind of notice states, or null when it says nothing about the tender. */
    public String tenderStatus() {
        return tenderStatus;
    }

    /** The type with this code. */
    public static NoticeType ofCode(String code) {
        for (NoticeType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown notice type: " + code);
    }
}
