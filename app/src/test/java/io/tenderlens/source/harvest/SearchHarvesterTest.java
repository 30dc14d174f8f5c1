package io.tenderlens.source.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.archive.Archive;
import io.tenderlens.source.ccgp.CcgpSearch;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ccgp harvester against a local replay of the site; nothing here touches the internet. */
class SearchHarvesterTest {
    static final LocalDate FROM = LocalDate.of(2016, 12, 1);
    static final LocalDate TO = LocalDate.of(2019, 9, 24);

    @TempDir Path data;
    final List<String> progress = new ArrayList<>();

    /** The ccgp declaration, served locally, with a small page size and result cap so that windows must split. */
    static SearchSite site(CcgpReplayServer server, int pageSize, int cap) {
        return CcgpSearch.SITE.at(URI.create(server.searchUrl())).withPaging(pageSize, cap);
    }

    HarvestReport harvest(SearchSite site, List<HarvestedDocument> sunk) throws IOException, InterruptedException {
        return harvest(data, site, sunk);
    }

    HarvestReport harvest(Path data, SearchSite site, List<HarvestedDocument> sunk) throws IOException, InterruptedException {
        HarvestState state = HarvestState.load(data, site.name(), "test job");
        PoliteClient client = new PoliteClient(HarvestSettings.polite().withoutPoliteness(), site.blockMarkers(),
                d -> { throw new AssertionError("no pause expected with politeness off, asked for " + d); }, new Random(1));
        try (Archive archive = Archive.open(Archive.inDataDir(data))) {
            return new SearchHarvester(site, new HarvestJob(client, archive, state, sunk::add, progress::add)).run(List.of("区块链"), FROM, TO);
        }
    }

    @Test
    void harvestsEveryNoticeOnceSplittingWindowsOverTheResultCap() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(3)) {
            List<HarvestedDocument> sunk = new ArrayList<>();
            HarvestReport report = harvest(site(server, 3, 4), sunk);

            assertThat(report.finished()).as(report.stoppedBy()).isTrue();
            System.out.printf("ccgp replay harvest, politeness off: %d list pages + %d notices in %d ms = %.1f pages/s%n",
                    report.listPages(), report.documents(), report.millis(), report.pagesPerSecond());
            assertThat(report.splits()).isPositive();
            assertThat(report.documents()).isEqualTo(server.notices.size());
            assertThat(report.archivedNew()).isEqualTo(server.notices.size());
            assertThat(sunk).extracting(HarvestedDocument::url).doesNotHaveDuplicates().hasSize(server.notices.size());
            assertThat(server.hits.values()).allSatisfy(n -> assertThat(n.get()).as("each URL once").isEqualTo(1));
            assertThat(server.userAgents).allSatisfy(ua -> assertThat(ua).startsWith("tenderlens/").contains("+https://"));
            try (Archive archive = Archive.open(Archive.inDataDir(data))) {
                for (CcgpReplayServer.Notice n : server.notices) {
                    String sha = io.tenderlens.archive.MerkleTree.hex(java.security.MessageDigest.getInstance("SHA-256").digest(n.bytes()));
                    assertThat(archive.contains(sha)).isTrue();
                }
                assertThat(archive.verify(Optional.empty()).problems()).isEmpty();
            }

            // the same harvest into a fresh data directory, with a warm JVM: the steady-state rate
            HarvestReport warm = harvest(Files.createTempDirectory(data, "warm"), site(server, 3, 4), new ArrayList<>());
            System.out.printf("ccgp replay harvest, politeness off, warm JVM: %d list pages + %d notices in %d ms = %.1f pages/s%n",
                    warm.listPages(), warm.documents(), warm.millis(), warm.pagesPerSecond());

            int before = server.requests.get();
            HarvestReport again = harvest(site(server, 3, 4), new ArrayList<>());
            assertThat(again.finished()).isTrue();
            assertThat(server.requests.get()).as("a finished job asks nothing again").isEqualTo(before);
        }
    }

    @Test
    void aCaptchaPageStopsTheHarvestWhichLaterResumesWithoutFetchingAnythingTwice() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(20)) {
            server.captchaAt = n -> n == 7;
            HarvestReport blocked = harvest(site(server, 20, 2000), new ArrayList<>());
            assertThat(blocked.finished()).isFalse();
            assertThat(blocked.stoppedBy()).contains("安全验证").contains("captcha").contains("http://");
            assertThat(server.requests.get()).as("stops at once, no hammering").isEqualTo(7);

            server.captchaAt = n -> false;
            HarvestReport resumed = harvest(site(server, 20, 2000), new ArrayList<>());
            assertThat(resumed.finished()).isTrue();
            assertThat(blocked.archivedNew() + resumed.archivedNew()).isEqualTo(server.notices.size());
            for (CcgpReplayServer.Notice n : server.notices) {
                assertThat(server.timesRequested(n.path())).as(n.path()).isBetween(1, 2);
            }
            // only the notice whose request met the captcha is asked for a second time
            assertThat(server.notices.stream().filter(n -> server.timesRequested(n.path()) == 2)).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void forbiddenAndTooManyRequestsStopTheHarvestWithAClearReason() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(20)) {
            server.tooManyAt = n -> n == 3;
            HarvestReport report = harvest(site(server, 20, 2000), new ArrayList<>());
            assertThat(report.stoppedBy()).contains("HTTP 429").contains("Retry-After: 3600");
            assertThat(server.requests.get()).isEqualTo(3);
        }
        try (CcgpReplayServer server = new CcgpReplayServer(20)) {
            server.forbiddenAt = n -> n == 1;
            HarvestReport report = harvest(site(server, 20, 2000), new ArrayList<>());
            assertThat(report.stoppedBy()).contains("HTTP 403");
            assertThat(HarvestState.load(data, "ccgp", "test job").get("blocked")).hasValueSatisfying(v -> assertThat(v).contains("403"));
        }
    }

    @Test
    void anEmptyResultPageWhereResultsWereAnnouncedIsTreatedAsBeingBlocked() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(2)) {
            // request 1 is page 1 of the first window (2 hits), then 2 notices, then page 2: empty
            server.emptyResultsAt = n -> n == 4;
            HarvestReport report = harvest(site(server, 2, 2000), new ArrayList<>());
            assertThat(report.stoppedBy()).contains("empty result page").contains("page 2");
        }
    }

    @Test
    void aTransientServerErrorIsRetried() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(20)) {
            server.unavailableAt = n -> n == 2 || n == 3;
            HarvestReport report = harvest(site(server, 20, 2000), new ArrayList<>());
            assertThat(report.finished()).as(report.stoppedBy()).isTrue();
            assertThat(report.archivedNew()).isEqualTo(server.notices.size());
        }
    }
}
