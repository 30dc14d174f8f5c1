package io.tenderlens.source.harvest;

import java.net.URI;
import java.util.Optional;

/** One HTTP answer: the body bytes as received, or {@code notModified} after a conditional request. */
public record Fetched(URI uri, int status, byte[] body, Optional<String> contentType, Validators validators,
                      boolean notModified) {
}
