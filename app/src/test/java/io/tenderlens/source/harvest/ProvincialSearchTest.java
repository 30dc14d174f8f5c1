package io.tenderlens.source.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenderlens.archive.Archive;
import io.tenderlens.archive.MerkleTree;
import io.tenderlens.source.ccgp.HebeiSearch;
import io.tenderlens.source.ccgp.SearchSites;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provincial ccgp site declared in one small file ({@link HebeiSearch}) runs on the shared mechanics: channels,
 * windows split under the result cap, paging by the last-page link (the site shows no total), each URL once, the
 * captcha stop and resume. Served locally by {@link CcgpReplayServer} in the Hebei search's layout, with the real
 * Hebei award page among the notices.
 */
class ProvincialSearchTest {
    static final LocalDate FROM = LocalDate.of(2016, 12, 1);
    static final LocalDate TO = LocalDate.of(2019, 9, 24);

    @TempDir Path data;
    final List<String> progress = new ArrayList<>();

    HarvestReport harvest(SearchSite site, List<HarvestedDocument> sunk) throws Exception {
        HarvestState state = HarvestState.load(data, site.name(), "test job");
        PoliteClient client = new PoliteClient(HarvestSettings.polite().withoutPoliteness(), site.blockMarkers(),
                d -> { throw new AssertionError("no pause expected with politeness off"); }, new Random(1));
        try (Archive archive = Archive.open(Archive.inDataDir(data))) {
            return new SearchHarvester(site, new HarvestJob(client, archive, state, sunk::add, progress::add)).run(List.of("区块链"), FROM, TO);
        }
    }

    static SearchSite site(CcgpReplayServer server, int pageSize, int cap) {
        return HebeiSearch.SITE.at(URI.create(server.searchUrl())).withPaging(pageSize, cap);
    }

    @Test
    void theDeclarationIsListedAndAsksInTheSitesOwnTerms() {
        assertThat(SearchSites.byName("ccgp-hebei")).contains(HebeiSearch.SITE);
        URI page = HebeiSearch.SITE.resultPage("区块链", "zhbgg", LocalDate.of(2021, 10, 1), LocalDate.of(2021, 10, 31), 2);
        assertThat(page.toString()).startsWith("http://search.hebcz.cn:8080/was5/web/search?page=2&channelid=240117&perpage=50")
                .contains("&lanmu=zhbgg&sydoctitle=%E5%8C%BA%E5%9D%97%E9%93%BE&fstarttime=2021-10-01&fendtime=2021-10-31");
    }

    @Test
    void harvestsEveryChannelPagingByTheLastPageLinkAndSplittingOverTheCap() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(CcgpReplayServer.HEBEI, 3)) {
            List<HarvestedDocument> sunk = new ArrayList<>();
            HarvestReport report = harvest(site(server, 3, 4), sunk);

            assertThat(report.finished()).as(report.stoppedBy()).isTrue();
            assertThat(report.splits()).as("a window over the cap of 4 is split").isPositive();
            assertThat(sunk).extracting(HarvestedDocument::url).doesNotHaveDuplicates().hasSize(server.notices.size());
            assertThat(sunk).allSatisfy(d -> assertThat(d.source()).isEqualTo("ccgp-hebei"));
            assertThat(server.hits.values()).allSatisfy(n -> assertThat(n.get()).as("each URL once").isEqualTo(1));
            Map<String, Long> listPagesByChannel = server.hits.keySet().stream().filter(t -> t.startsWith("/was5/"))
                    .collect(Collectors.groupingBy(t -> t.replaceAll(".*lanmu=([a-z]+).*", "$1"), Collectors.counting()));
            assertThat(listPagesByChannel.keySet()).containsExactlyInAnyOrder("zbgg", "zhbgg", "fbgg", "gzgg", "dyly");
            assertThat(progress).anySatisfy(p -> assertThat(p).contains("in channel dyly").contains(": 0 results"));
            try (Archive archive = Archive.open(Archive.inDataDir(data))) {
                for (CcgpReplayServer.Notice n : server.notices) {
                    assertThat(archive.contains(MerkleTree.hex(MessageDigest.getInstance("SHA-256").digest(n.bytes())))).as(n.path()).isTrue();
                }
                assertThat(archive.verify(Optional.empty()).problems()).isEmpty();
            }
            // the real Hebei award page came through the provincial search
            assertThat(sunk).anySatisfy(d -> assertThat(new String(d.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("2021年村级信息资源共享支中心电脑采购项目中标公告"));
        }
    }

    @Test
    void pagesShorterThanDeclaredArePagedByWhatTheSiteServes() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(CcgpReplayServer.HEBEI, 2)) { // 2 a page, 50 declared
            List<HarvestedDocument> sunk = new ArrayList<>();
            HarvestReport report = harvest(HebeiSearch.SITE.at(URI.create(server.searchUrl())), sunk);
            assertThat(report.finished()).as(report.stoppedBy()).isTrue();
            assertThat(sunk).hasSize(server.notices.size());
            assertThat(server.hits.keySet()).as("a second page was asked for").anySatisfy(t -> assertThat(t).contains("page=2&"));
        }
    }

    @Test
    void aCaptchaStopsItAndTheSameJobResumes() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(CcgpReplayServer.HEBEI, 3)) {
            server.captchaAt = n -> n == 6;
            HarvestReport blocked = harvest(site(server, 3, 2000), new ArrayList<>());
            assertThat(blocked.finished()).isFalse();
            assertThat(blocked.stoppedBy()).contains("安全验证");
            server.captchaAt = n -> false;
            HarvestReport resumed = harvest(site(server, 3, 2000), new ArrayList<>());
            assertThat(resumed.finished()).as(resumed.stoppedBy()).isTrue();
            assertThat(blocked.archivedNew() + resumed.archivedNew()).isEqualTo(server.notices.size());
        }
    }

    @Test
    void aPageThatIsNotAResultPageStopsIt() throws Exception {
        try (CcgpReplayServer server = new CcgpReplayServer(CcgpReplayServer.HEBEI, 3)) {
            server.notAResultPageAt = n -> n == 1;
            HarvestReport report = harvest(site(server, 3, 2000), new ArrayList<>());
            assertThat(report.finished()).isFalse();
            assertThat(report.stoppedBy()).contains("not a result page");
        }
    }
}
