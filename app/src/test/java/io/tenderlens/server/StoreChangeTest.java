package io.tenderlens.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.store.ReleaseIngest;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreLockedException;
import io.tenderlens.topic.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server is the store's writer: records added through it show in search and the overview after {@link ServerContext#storeChanged()}. */
class StoreChangeTest {
    @TempDir Path dir;

    private static void ingest(Store store, com.fasterxml.jackson.databind.node.ObjectNode release) {
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE);
        try (ReleaseIngest ingest = store.beginIngest(compiler::compile, (f, p, m) -> { })) {
            ingest.add(release, "test", null);
            ingest.finish();
        }
    }

    private static JsonNode get(HttpClient http, WebServer server, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return TestServer.JSON.readTree(r.body());
    }

    @Test
    void recordsIngestedThroughTheServerAreServedAfterStoreChanged() throws Exception {
        try (Store store = Store.openForWriting(dir, "test")) {
            ingest(store, TestServer.liveTender());
        }
        try (ServerContext ctx = ServerContext.open(dir, List.of(Topic.bundled("blockchain")), m -> { })) {
            WebServer server = WebServer.start(ctx, ApiToken.loadOrCreate(dir.resolve("token")), "127.0.0.1", 0, List.of());
            try {
                // the server holds the store: another writer is told who has it
                assertThatThrownBy(() -> Store.openForWriting(dir, "second")).isInstanceOf(StoreLockedException.class);
                HttpClient http = HttpClient.newHttpClient();
                assertThat(get(http, server, "/api/overview").path("projects").path("total").asInt()).isEqualTo(1);
                assertThat(get(http, server, "/api/search?q=" + Views.encode("存证")).path("total").asInt()).isZero();
                long before = ctx.generation();

                synchronized (ctx.store()) {
                    ingest(ctx.store(), TestServer.hostileTender("0".repeat(64)));
                }
                ctx.storeChanged();

                assertThat(ctx.generation()).isGreaterThan(before);
                assertThat(get(http, server, "/api/overview").path("projects").path("total").asInt()).isEqualTo(2);
                assertThat(get(http, server, "/api/search?q=" + Views.encode("存证")).path("hits").findValuesAsText("ocid"))
                        .containsExactly(TestServer.HOSTILE_OCID);
                assertThat(get(http, server, "/api/records").path("total").asInt()).isEqualTo(2);
            } finally {
                server.close();
            }
        }
    }
}
