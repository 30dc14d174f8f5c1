package io.tenderlens.cli;

import io.tenderlens.archive.Archive;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.notice.CcgpNoticeParser;
import io.tenderlens.notice.NotANoticeException;
import io.tenderlens.notice.NoticeLinker;
import io.tenderlens.notice.NoticeOrigin;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.source.ccgp.SearchSites;
import io.tenderlens.source.harvest.HarvestJob;
import io.tenderlens.source.harvest.HarvestReport;
import io.tenderlens.source.harvest.HarvestSettings;
import io.tenderlens.source.harvest.HarvestSink;
import io.tenderlens.source.harvest.HarvestState;
import io.tenderlens.source.harvest.PoliteClient;
import io.tenderlens.source.harvest.SearchHarvester;
import io.tenderlens.source.harvest.SearchSite;
import io.tenderlens.source.ocds.OcdsHarvester;
import io.tenderlens.store.IngestListener;
import io.tenderlens.store.ReleaseIngest;
import io.tenderlens.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenderlens harvest ccgp|ocds}: polite, resumable collection; every fetched byte is archived first. */
@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = "Collect notices from the web, politely and resumably (see docs/HARVEST.md).",
        subcommands = {HarvestCommand.Ccgp.class, HarvestCommand.Ocds.class})
public final class HarvestCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every harvester takes. */
    static final class Politeness {
        @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "3",
                description = "Pause between two requests (default: ${DEFAULT-VALUE}).")
        double delaySeconds;

        @Option(names = "--retries", defaultValue = "4", description = "Retries of a failed request, with backoff and jitter (default: ${DEFAULT-VALUE}).")
        int retries;

        @Option(names = "--refetch", description = "Allow fetching the same URL more than once in this run.")
        boolean refetch;

        HarvestSettings settings() {
            HarvestSettings polite = HarvestSettings.polite();
            HarvestSettings s = new HarvestSettings(Duration.ofMillis((long) (delaySeconds * 1000)), retries,
                    delaySeconds == 0 ? Duration.ZERO : polite.backoff(), delaySeconds == 0 ? Duration.ZERO : polite.maxBackoff(),
                    polite.timeout(), polite.userAgent(), refetch);
            return s;
        }
    }

    @Command(name = "ccgp", mixinStandardHelpOptions = true,
            description = "Search ccgp.gov.cn (or a provincial ccgp site, --site) for a topic's terms over a date range and "
                    + "archive every notice found.")
    static final class Ccgp implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DatabaseOption database;
        @Mixin Politeness politeness;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic whose search terms to use (e.g. blockchain).")
        String topic;

        @Option(names = "--kw", paramLabel = "TERM", description = "A search term (repeatable); instead of or besides --topic.")
        List<String> terms = new ArrayList<>();

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD") LocalDate from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD") LocalDate to;

        @Option(names = "--site", paramLabel = "NAME", defaultValue = "ccgp",
                description = "The search site: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
                completionCandidates = SiteNames.class)
        String siteName;

        @Option(names = "--site-url", paramLabel = "URL", hidden = true,
                description = "Another address serving the same search (a local replay server).")
        URI siteUrl;

        @Override public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            List<String> all = new ArrayList<>(terms);
            if (topic != null) {
                all.addAll(searchTerms(topic));
            }
            if (all.isEmpty()) {
                err.println("tenderlens harvest ccgp: give --topic or --kw");
                return 2;
            }
            Optional<SearchSite> declared = SearchSites.byName(siteName);
            if (declared.isEmpty()) {
                err.println("tenderlens harvest ccgp: no search site '" + siteName + "'; known: " + String.join(", ", SearchSites.names()));
                return 2;
            }
            SearchSite site = siteUrl == null ? declared.get() : declared.get().at(siteUrl);
            String job = site.searchUrl() + " " + all + " " + from + ".." + to;
            HarvestState state = HarvestState.load(database.directory(), site.name(), job);
            try (Archive archive = Archive.open(Archive.inDataDir(database.directory()))) {
                archive.recoveryNotes().forEach(n -> err.println("tenderlens archive: " + n));
                PoliteClient client = new PoliteClient(politeness.settings(), site.blockMarkers());
                HarvestReport report = new SearchHarvester(site, new HarvestJob(client, archive, state, HarvestSink.NONE, err::println))
                        .run(all, from, to);
                ingestArchivedNotices(state, archive, database.directory(), err);
                return finish(report, state, spec, state.noticeCount() + " notices archived and ingested by this job so far");
            }
        }
    }

    /** The names of the declared search sites, for --site's help. */
    static final class SiteNames implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() {
            return SearchSites.names().iterator();
        }
    }

    @Command(name = "ocds", mixinStandardHelpOptions = true,
            description = "Harvest an OCDS publisher: a package API (links.next) or a bulk file (.json, .jsonl, .gz, .zip); "
                    + "archive every page, ingest its releases.")
    static final class Ocds implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin DatabaseOption database;
        @Mixin Politeness politeness;

        @Parameters(paramLabel = "URL") URI url;

        @Option(names = "--full", description = "Start again from URL instead of continuing from where the last run ended.")
        boolean full;

        @Option(names = "--since-param", paramLabel = "NAME",
                description = "The API's query parameter for 'releases after this date': incremental runs pass the latest date seen.")
        String sinceParam;

        @Override public Integer call() throws IOException, InterruptedException {
            PrintWriter err = spec.commandLine().getErr();
            HarvestState state = HarvestState.load(database.directory(), "ocds", url.toString());
            ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), (ocid, message) -> err.println(ocid + ": " + message));
            IngestListener listener = (file, position, message) -> err.println(IngestListener.problemLine(file, position, message));
            try (Archive archive = Archive.open(Archive.inDataDir(database.directory()));
                 Store store = Store.openForWriting(database.directory(), "tenderlens harvest ocds");
                 ReleaseIngest ingest = store.beginIngest(compiler::compile, listener)) {
                archive.recoveryNotes().forEach(n -> err.println("tenderlens archive: " + n));
                OcdsIngestHandler toStore = new OcdsIngestHandler(ingest);
                PoliteClient client = new PoliteClient(politeness.settings(), List.of());
                HarvestReport report = new OcdsHarvester(new HarvestJob(client, archive, state, HarvestSink.NONE, err::println), toStore)
                        .run(url, full, sinceParam);
                toStore.reportNotes(err);
                err.println("ingest: " + ingest.finish().describe());
                return finish(report, state, spec, "up to date; latest release date seen: " + state.get("lastDateSeen").orElse("none"));
            }
        }
    }

    /**
     * Converts every notice the job has archived (read back from the archive) and ingests the releases, linked into
     * ocids. All of them, every run: the store keeps a release once, and a run killed before this point loses nothing.
     */
    static void ingestArchivedNotices(HarvestState state, Archive archive, Path dataDir, PrintWriter err) throws IOException {
        CcgpNoticeParser parser = new CcgpNoticeParser();
        List<ObjectNode> releases = new ArrayList<>();
        for (Map.Entry<String, String> notice : state.notices().entrySet()) {
            String url = notice.getKey();
            String sha = notice.getValue();
            try {
                releases.add(parser.parse(archive.read(sha), new NoticeOrigin(null, url, null, null, sha)));
            } catch (NotANoticeException e) {
                err.println(url + " (archived as " + sha + "): not a procurement notice: " + e.reason());
            } catch (RuntimeException e) {
                err.println(url + " (archived as " + sha + "): could not be converted: " + e);
            }
        }
        NoticeLinker.Linked linked = NoticeLinker.link(releases);
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), (ocid, message) -> err.println(ocid + ": " + message));
        try (Store store = Store.openForWriting(dataDir, "tenderlens harvest");
             ReleaseIngest ingest = store.beginIngest(compiler::compile, (file, position, message) -> err.println(IngestListener.problemLine(file, position, message)))) {
            for (ObjectNode release : linked.releases()) {
                ingest.add(release, release.path("noticeSource").path("url").asText("harvest"), "");
            }
            err.println("ingest: " + ingest.finish().describe());
        }
    }

    static int finish(HarvestReport report, HarvestState state, CommandSpec spec, String done) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d list pages, %d documents fetched (%d new in the archive, %d already archived), %d known and skipped, "
                        + "%d unchanged; %d windows (%d split); %.1f pages/s; state %s%n",
                report.listPages(), report.documents(), report.archivedNew(), report.alreadyArchived(), report.skippedKnown(),
                report.notModified(), report.windows(), report.splits(), report.pagesPerSecond(), state.file());
        if (!report.finished()) {
            spec.commandLine().getErr().println("tenderlens harvest: STOPPED: " + report.stoppedBy()
                    + ". Progress is saved; run the same command later (hours, not minutes) to continue.");
            return 3;
        }
        out.println("done: " + done);
        return 0;
    }

    static List<String> searchTerms(String topic) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SearchHarvester.class.getResourceAsStream("search-terms.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        String terms = p.getProperty(topic);
        if (terms == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new Main()),
                    "unknown topic '" + topic + "'; known: " + p.stringPropertyNames());
        }
        return Arrays.stream(terms.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
