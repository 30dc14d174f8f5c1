package io.tenderlens.source.harvest;

import java.time.Duration;

/**
 * How politely to fetch: the pause between two requests to a site, retries of failed requests with exponential
 * backoff and full jitter, the User-Agent that says who we are, and whether a URL may be fetched twice in one run.
 */
public record HarvestSettings(Duration delay, int retries, Duration backoff, Duration maxBackoff, Duration timeout,
                              String userAgent, boolean refetch) {
    /** Honest about what we are and how to reach the project. */
    public static final String USER_AGENT =
            "tenderlens/0.1 (procurement research; +https://github.com/tenderlens/tenderlens; polite, rate-limited)";

    /** The defaults: one request every 3 s, 4 retries starting at 5 s backoff, capped at 2 minutes. */
    public static HarvestSettings polite() {
        return new HarvestSettings(Duration.ofSeconds(3), 4, Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(60), USER_AGENT, false);
    }

    /** No pauses and no backoff waits: for a local replay server only. */
    public HarvestSettings withoutPoliteness() {
        return new HarvestSettings(Duration.ZERO, retries, Duration.ZERO, Duration.ZERO, timeout, userAgent, refetch);
    }

    public HarvestSettings withDelay(Duration d) {
        return new HarvestSettings(d, retries, backoff, maxBackoff, timeout, userAgent, refetch);
    }

    public HarvestSettings withRefetch(boolean allowed) {
        return new HarvestSettings(delay, retries, backoff, maxBackoff, timeout, userAgent, allowed);
    }
}
