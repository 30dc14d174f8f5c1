package io.tenderlens.metrics;

/** A value as shown to readers: a stable key and its Chinese and English labels. */
public record Label(String key, String zh, String en) {
    public static final String UNKNOWN_KEY = "unknown";
    public static final Label UNKNOWN = new Label(UNKNOWN_KEY, "未报告", "not reported");

    public boolean isUnknown() { return UNKNOWN_KEY.equals(key); }
}
