package io.tenderlens.alert;

/** A webhook target that tenderlens will not post to; the message says why and what to do. */
public final class WebhookTargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WebhookTargetException(String message) {
        super(message);
    }
}
