package io.tenderlens.source.harvest;

/**
 * The site stopped answering normally (a captcha page, 403, 429, an empty page where results were expected, or
 * retries exhausted). The harvest stops; its state is saved, and running the same command later continues.
 */
public final class HarvestBlockedException extends Exception {
    private final String url;

    public HarvestBlockedException(String url, String reason) {
        super(reason + " at " + url);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
