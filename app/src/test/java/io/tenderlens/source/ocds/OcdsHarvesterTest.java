package io.tenderlens.source.ocds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.archive.Archive;
import io.tenderlens.source.harvest.HarvestJob;
import io.tenderlens.source.harvest.HarvestReport;
import io.tenderlens.source.harvest.HarvestSettings;
import io.tenderlens.source.harvest.HarvestSink;
import io.tenderlens.source.harvest.HarvestState;
import io.tenderlens.source.harvest.PoliteClient;
import io.tenderlens.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OCDS harvester against a local publisher serving the real Moldova release package, paged and in bulk. */
class OcdsHarvesterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PAGE = 20;

    @TempDir Path data;
    final MockWebServer server = new MockWebServer();
    final List<String> requests = new ArrayList<>();
    final List<String> conditional = new ArrayList<>();
    volatile int published = 40; // releases the publisher has put out so far
    JsonNode pkg;
    byte[] gz;
    byte[] zip;

    void start() throws IOException {
        Path dir = SharedData.path("ocds/real/moldova-tender-gov-md");
        pkg = JSON.readTree(dir.resolve("release-package.json").toFile());
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(g)) {
            out.write(Files.readAllBytes(dir.resolve("releases.jsonl")));
        }
        gz = g.toByteArray();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(z)) {
            out.putNextEntry(new ZipEntry("release-package.json"));
            out.write(Files.readAllBytes(dir.resolve("release-package.json")));
        }
        zip = z.toByteArray();
        server.setDispatcher(new Dispatcher() {
            @Override public MockResponse dispatch(RecordedRequest r) {
                requests.add(r.getTarget());
                String inm = r.getHeaders().get("If-None-Match");
                String ims = r.getHeaders().get("If-Modified-Since");
                if (inm != null || ims != null) {
                    conditional.add(r.getTarget());
                }
                String path = r.getUrl().encodedPath();
                if (path.equals("/api/releases")) {
                    int page = Integer.parseInt(Optional.ofNullable(r.getUrl().queryParameter("page")).orElse("1"));
                    int pages = (published + PAGE - 1) / PAGE;
                    String etag = "\"p" + page + "of" + pages + "\"";
                    if (etag.equals(inm)) {
                        return new MockResponse.Builder().code(304).addHeader("ETag", etag).build();
                    }
                    ObjectNode body = ((ObjectNode) pkg).deepCopy();
                    ArrayNode releases = body.putArray("releases");
                    for (int i = (page - 1) * PAGE; i < Math.min(published, page * PAGE); i++) {
                        releases.add(pkg.get("releases").get(i));
                    }
                    if (page < pages) {
                        body.putObject("links").put("next", server.url("/api/releases?page=" + (page + 1)).toString());
                    }
                    return new MockResponse.Builder().code(200).addHeader("ETag", etag)
                            .addHeader("Content-Type", "application/json").body(body.toString()).build();
                }
                byte[] file = path.equals("/bulk/releases.jsonl.gz") ? gz : path.equals("/bulk/release-package.zip") ? zip : null;
                if (file == null) {
                    return new MockResponse.Builder().code(404).build();
                }
                String modified = "Tue, 21 Mar 2017 10:00:00 GMT";
                if (modified.equals(ims)) {
                    return new MockResponse.Builder().code(304).build();
                }
                return new MockResponse.Builder().code(200).addHeader("Last-Modified", modified)
                        .body(new Buffer().write(file)).build();
            }
        });
        server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(HarvestReport report, List<OcdsRelease> releases, List<OcdsProblem> problems) {}

    Run harvest(String path, boolean full, String sinceParam) throws Exception {
        List<OcdsRelease> releases = new ArrayList<>();
        List<OcdsProblem> problems = new ArrayList<>();
        URI start = URI.create(server.url(path).toString());
        HarvestState state = HarvestState.load(data, "ocds", start.toString());
        PoliteClient client = new PoliteClient(HarvestSettings.polite().withoutPoliteness(), List.of());
        try (Archive archive = Archive.open(Archive.inDataDir(data))) {
            HarvestReport report = new OcdsHarvester(new HarvestJob(client, archive, state, HarvestSink.NONE, m -> { }),
                    OcdsHandler.of(releases::add, problems::add)).run(start, full, sinceParam);
            return new Run(report, releases, problems);
        }
    }

    @Test
    void followsLinksNextArchivesEveryPageAndContinuesIncrementally() throws Exception {
        start();
        Run first = harvest("/api/releases", false, null);
        assertThat(first.report().finished()).isTrue();
        assertThat(first.report().listPages()).isEqualTo(2);
        assertThat(first.releases()).hasSize(40);
        assertThat(first.problems()).isEmpty();
        assertThat(first.releases()).extracting(OcdsRelease::ocid).doesNotHaveDuplicates();

        // nothing new: the last page is asked for conditionally and has not changed
        Run unchanged = harvest("/api/releases", false, null);
        assertThat(unchanged.report().notModified()).isEqualTo(1);
        assertThat(unchanged.releases()).isEmpty();
        assertThat(conditional).containsExactly("/api/releases?page=2");

        // the publisher adds 11 releases: the last page changed and now links to a third
        published = 51;
        Run more = harvest("/api/releases", false, null);
        assertThat(more.report().listPages()).isEqualTo(2);
        assertThat(more.releases()).hasSize(20 + 11);
        assertThat(requests).containsExactly("/api/releases", "/api/releases?page=2", "/api/releases?page=2",
                "/api/releases?page=2", "/api/releases?page=3");
        assertThat(HarvestState.load(data, "ocds", server.url("/api/releases").toString()).get("lastDateSeen"))
                .hasValue(pkg.get("releases").findValuesAsText("date").stream().filter(d -> d.startsWith("20")).max(String::compareTo).orElseThrow());
        try (Archive archive = Archive.open(Archive.inDataDir(data))) {
            assertThat(archive.size()).isEqualTo(4); // page 1, page 2 (40 releases), page 2 (with next), page 3
            assertThat(archive.verify(Optional.empty()).problems()).isEmpty();
        }
    }

    @Test
    void asksTheApiForReleasesSinceTheLatestDateSeenWhenItTakesSuchAParameter() throws Exception {
        start();
        published = 51;
        harvest("/api/releases", false, "since");
        harvest("/api/releases", true, "since");
        Run incremental = harvest("/api/releases", false, "since");
        assertThat(requests).as(requests.toString()).anySatisfy(r -> assertThat(r).startsWith("/api/releases?since=20"));
        assertThat(incremental.report().finished()).isTrue();
    }

    @Test
    void readsGzipAndZipBulkFilesAndFetchesThemConditionallyNextTime() throws Exception {
        start();
        for (String bulk : List.of("/bulk/releases.jsonl.gz", "/bulk/release-package.zip")) {
            Run first = harvest(bulk, false, null);
            assertThat(first.releases()).as(bulk).hasSize(51);
            assertThat(first.problems()).isEmpty();
            Run again = harvest(bulk, false, null);
            assertThat(again.report().notModified()).isEqualTo(1);
            assertThat(again.releases()).isEmpty();
        }
        assertThat(conditional).containsExactly("/bulk/releases.jsonl.gz", "/bulk/release-package.zip");
    }
}
