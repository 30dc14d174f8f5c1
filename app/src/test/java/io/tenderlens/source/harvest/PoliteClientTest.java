package io.tenderlens.source.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The politeness rules, observed without sleeping: the pauses the client asks for are recorded, not waited. */
class PoliteClientTest {
    final List<Duration> pauses = new ArrayList<>();

    PoliteClient client(HarvestSettings settings) {
        return new PoliteClient(settings, List.of("安全验证"), pauses::add, new Random(7));
    }

    @Test
    void waitsBetweenRequestsBacksOffWithJitterAndSendsConditionalHeaders() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).addHeader("ETag", "\"v1\"").body("a").build());
            server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
            server.enqueue(new MockResponse.Builder().code(502).body("busy").build());
            server.enqueue(new MockResponse.Builder().code(304).build());
            server.start(0);
            HarvestSettings settings = HarvestSettings.polite().withDelay(Duration.ofSeconds(30));
            PoliteClient client = client(settings);

            Fetched first = client.get(URI.create(server.url("/a").toString()), Validators.NONE);
            assertThat(first.validators().etag()).isEqualTo("\"v1\"");
            Fetched second = client.get(URI.create(server.url("/b").toString()), first.validators());
            assertThat(second.notModified()).isTrue();
            assertThat(client.requests()).isEqualTo(4);

            server.takeRequest();
            RecordedRequest retried = null;
            for (int i = 0; i < 3; i++) {
                retried = server.takeRequest();
            }
            assertThat(retried.getHeaders().get("If-None-Match")).isEqualTo("\"v1\"");
            assertThat(retried.getHeaders().get("User-Agent")).isEqualTo(HarvestSettings.USER_AGENT);

            // 3 waits for the 30 s rate limit (requests 2, 3, 4), 2 backoffs: at most 5 s, then at most 10 s
            List<Duration> rateLimit = pauses.stream().filter(d -> d.compareTo(Duration.ofSeconds(20)) > 0).toList();
            List<Duration> backoffs = pauses.stream().filter(d -> d.compareTo(Duration.ofSeconds(20)) <= 0).toList();
            assertThat(rateLimit).hasSize(3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(30)));
            assertThat(backoffs).hasSize(2);
            assertThat(backoffs.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(backoffs.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void neverFetchesTheSameUrlTwiceInARunUnlessAsked() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(200).body("x").build());
            }
            server.start(0);
            URI uri = URI.create(server.url("/n").toString());
            PoliteClient once = client(HarvestSettings.polite().withoutPoliteness());
            once.get(uri, Validators.NONE);
            assertThat(once.fetchedThisRun(uri)).isTrue();
            assertThatThrownBy(() -> once.get(uri, Validators.NONE)).hasMessageContaining("already fetched in this run");
            PoliteClient again = client(HarvestSettings.polite().withoutPoliteness().withRefetch(true));
            again.get(uri, Validators.NONE);
            again.get(uri, Validators.NONE);
            assertThat(server.getRequestCount()).isEqualTo(3);
        }
    }

    @Test
    void givesUpAfterTheRetriesWithTheLastFailureNamed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 5; i++) {
                server.enqueue(new MockResponse.Builder().code(500).body("oops").build());
            }
            server.start(0);
            PoliteClient client = client(HarvestSettings.polite().withoutPoliteness());
            assertThatThrownBy(() -> client.get(URI.create(server.url("/x").toString()), Validators.NONE))
                    .isInstanceOf(HarvestBlockedException.class).hasMessageContaining("gave up after 5 attempts, last: HTTP 500");
        }
    }
}
