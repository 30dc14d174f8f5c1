package io.tenderlens.alert;

import io.tenderlens.topic.Topic;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Saving a search, as the command line and the API do it: the query must parse, the topic must exist
 * and the webhook target must be allowed ({@link WebhookTargets}); a webhook gets a new random secret.
 */
public final class AlertRegistration {
    private static final String ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AlertRegistration() {}

    /**
     * Checks and saves {@code search}; returns it as stored (with its webhook's secret, to show once).
     *
     * @throws IllegalArgumentException (or {@link io.tenderlens.search.SearchQueryException},
     *         {@link WebhookTargetException}) saying what is wrong
     */
    public static AlertStore.Stored register(AlertStore store, SavedSearch search, String webhookUrl, WebhookTargets targets,
                                             QueryMatcher queries, Instant now) {
        if (search.query() != null) {
            queries.parse(search.query());
        }
        if (search.topic() != null) {
            Topic.bundled(search.topic());
        }
        AlertStore.Webhook webhook = null;
        if (webhookUrl != null && !webhookUrl.isBlank()) {
            webhook = new AlertStore.Webhook(targets.check(webhookUrl).toString(), WebhookSender.newSecret());
        }
        store.add(search, webhook, now);
        return new AlertStore.Stored(search, now, webhook, null);
    }

    /** A new random id for a search: 10 letters and digits, easy to read aloud (no 0/o, 1/l). */
    public static String newId() {
        StringBuilder b = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            b.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return b.toString();
    }
}
