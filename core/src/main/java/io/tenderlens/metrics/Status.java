package io.tenderlens.metrics;

/** Where a procurement stands, from its compiled release. */
public enum Status {
    /** An award or contract exists, or the tender is complete. */
    CLOSED("已成交", "closed (awarded)"),
    /** A tender is open (active or planned) and nothing is awarded yet. */
    BIDDING("招标中", "still bidding"),
    /** The whole procurement, or every lot, failed (废标 / 流标). */
    FAILED("废标/流标", "failed"),
    /** Terminated (终止). */
    CANCELLED("终止", "cancelled"),
    /** The data does not say. */
    UNKNOWN("未报告", "status not reported");

    private final String zh;
    private final String en;

    Status(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public Label label() { return new Label(name().toLowerCase(java.util.Locale.ROOT), zh, en); }
}
