package io.tenderlens.notice;

/** The input is not a procurement notice (a list page, an error or captcha page, an empty file). */
public final class NotANoticeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String reason;

    public NotANoticeException(String source, String reason) {
        super(source + ": not a procurement notice: " + reason);
        this.source = source;
        this.reason = reason;
    }

    /** The file or URL that was read. */
    public String source() {
        return source;
    }

    /** Why it is not a notice, in words. */
    public String reason() {
        return reason;
    }
}
