package io.tenderlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.alert.AlertFeeds;
import io.tenderlens.alert.AlertMatcher;
import io.tenderlens.alert.AlertRegistration;
import io.tenderlens.alert.AlertRunner;
import io.tenderlens.alert.AlertStore;
import io.tenderlens.alert.QueryMatcher;
import io.tenderlens.alert.SavedSearch;
import io.tenderlens.alert.WebhookSender;
import io.tenderlens.alert.WebhookTargetException;
import io.tenderlens.alert.WebhookTargets;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tenderlens alerts add|list|remove|run|feed|log}: saved searches that announce new tenders. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Saved searches that announce new matching tenders, as an Atom feed and optional webhooks.",
                "A new tender is a record at the tender stage, still open (deadline today or later) or, without a"
                        + " deadline, published in the last --fresh-days days, that the search has not announced before."},
        subcommands = {AlertsCommand.Add.class, AlertsCommand.ListSearches.class, AlertsCommand.Remove.class,
                AlertsCommand.Run.class, AlertsCommand.Feed.class, AlertsCommand.Log.class})
public final class AlertsCommand implements Runnable {
    private static final String NAME = "tenderlens alerts";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a search (prints its id, and its webhook secret once).",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:saved", "1:bad query, topic, filter or webhook, or no database"})
    static final class Add implements Callable<Integer> {
        @Mixin DatabaseOption database;
        @Mixin ProcurementFilterOptions filters;
        @Spec CommandSpec spec;

        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "what to call it")
        String name;
        @Option(names = "--id", paramLabel = "ID", description = "its id (lower-case letters, digits, '-'; default: random)")
        String id;
        @Option(names = "--query", paramLabel = "QUERY", description = "a query in the syntax of `tenderlens search`")
        String query;
        @Option(names = "--topic", paramLabel = "ID", description = "only tenders about this topic (e.g. blockchain)")
        String topic;
        @Option(names = "--from", paramLabel = "DATE", description = "first notice on or after (yyyy-MM-dd)")
        String from;
        @Option(names = "--to", paramLabel = "DATE", description = "first notice on or before (yyyy-MM-dd)")
        String to;
        @Option(names = "--status", split = ",", paramLabel = "S", description = "statuses (bidding, unknown)")
        List<String> statuses = new ArrayList<>();
        @Option(names = "--webhook", paramLabel = "URL", description = "POST each new match here (http or https, public address)")
        String webhook;
        @Option(names = "--allow-private-webhooks", description = "allow webhook targets on loopback and private networks")
        boolean allowPrivate;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (AlertStore alerts = AlertStore.open(database.directory())) {
                ObjectNode definition = new ObjectMapper().createObjectNode().put("name", name).put("query", query)
                        .put("topic", topic).put("from", from).put("to", to);
                definition.set("grades", strings(filters.grades));
                definition.set("provinces", strings(filters.provinces));
                definition.set("levels", strings(filters.levels));
                definition.set("sectors", strings(filters.sectors));
                definition.set("buyerKinds", strings(filters.buyerKinds));
                definition.set("statuses", strings(statuses));
                SavedSearch search = SavedSearch.fromJson(definition, id == null ? AlertRegistration.newId() : id, "the options");
                AlertStore.Stored saved = AlertRegistration.register(alerts, search, webhook,
                        WebhookTargets.system(allowPrivate), new QueryMatcher(SearchAnalyzer.bundled()), Instant.now());
                out.println(saved.search().id());
                if (saved.webhook() != null) {
                    err.println(NAME + ": webhook secret (shown once; requests are signed with it): " + saved.webhook().secret());
                }
                return 0;
            } catch (IllegalArgumentException | SearchQueryException | WebhookTargetException | StoreException e) {
                err.println(NAME + " add: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved searches (webhook secrets are never shown).")
    static final class ListSearches implements Callable<Integer> {
        @Mixin DatabaseOption database;
        @Spec CommandSpec spec;
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            return onAlerts(spec, database, false, (alerts, out, err) -> {
                if (json) {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(AlertFeeds.publicList(alerts)));
                    return 0;
                }
                for (AlertStore.Stored s : alerts.list()) {
                    out.printf("%s  %s  query: %s  topic: %s  webhook: %s  announced: %d%n", s.search().id(), s.search().name(),
                            orDash(s.search().query()), orDash(s.search().topic()), s.webhook() == null ? "–" : s.webhook().url(),
                            alerts.announced(s.search().id()).size());
                }
                return 0;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a saved search, what it announced and its webhook log.")
    static final class Remove implements Callable<Integer> {
        @Mixin DatabaseOption database;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return onAlerts(spec, database, true, (alerts, out, err) -> {
                if (!alerts.remove(id)) {
                    err.println(NAME + " remove: no saved search '" + id + "'");
                    return 1;
                }
                out.println("removed " + id);
                return 0;
            });
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Check every saved search against the store now: record new matching tenders (the feeds show them)"
                    + " and send the webhooks owed, including those a killed run left unsent."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:checked (webhook failures are logged: see `alerts log`)", "1:no database, or it is in use by a writer"})
    static final class Run implements Callable<Integer> {
        @Mixin DatabaseOption database;
        @Spec CommandSpec spec;
        @Option(names = "--fresh-days", paramLabel = "N", description = "a tender without a deadline is new this many days (default: ${DEFAULT-VALUE})")
        int freshDays = AlertMatcher.DEFAULT_FRESH_DAYS;
        @Option(names = "--today", paramLabel = "DATE", description = "check as on this day (yyyy-MM-dd; default: today)")
        LocalDate today;
        @Option(names = "--feed-dir", paramLabel = "DIR", description = "also write each search's feed to DIR/<id>.atom")
        Path feedDir;
        @Option(names = "--base-url", paramLabel = "URL", description = "the server's address, for links in feeds (default: ${DEFAULT-VALUE})")
        String baseUrl = DEFAULT_BASE_URL;
        @Option(names = "--no-webhooks", description = "record matches but send no webhooks now (the next run sends them)")
        boolean noWebhooks;
        @Option(names = "--allow-private-webhooks", description = "allow webhook targets on loopback and private networks")
        boolean allowPrivate;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Clock clock = today == null ? Clock.systemDefaultZone()
                    : Clock.fixed(today.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
            try (Store store = Store.openReadOnly(database.directory()); AlertStore alerts = AlertStore.open(database.directory())) {
                AlertRunner.RunCounts c = new AlertRunner(alerts, store, new AlertMatcher(freshDays), new QueryMatcher(SearchAnalyzer.bundled()), clock)
                        .run(problem -> err.println(NAME + " run: " + problem));
                out.printf("%d saved searches checked against %d candidate records: %d new matches announced, %d webhook deliveries queued%n",
                        c.searches(), c.candidates(), c.announced(), c.webhooksQueued());
                if (!noWebhooks) {
                    WebhookSender.Sent s = WebhookSender.withDefaults(alerts, WebhookTargets.system(allowPrivate)).sendPending();
                    out.printf("webhooks: %d sent, %d failed (see `alerts log ID`)%n", s.sent(), s.failed());
                }
                if (feedDir != null) {
                    Files.createDirectories(feedDir);
                    for (AlertStore.Stored s : alerts.list()) {
                        Files.writeString(feedDir.resolve(s.search().id() + ".atom"),
                                AlertFeeds.feed(alerts, s.search().id(), baseUrl, AlertFeeds.ENTRIES).orElseThrow(), StandardCharsets.UTF_8);
                    }
                    out.println("feeds written to " + feedDir);
                }
                return 0;
            } catch (StoreException e) {
                err.println(NAME + " run: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "feed", mixinStandardHelpOptions = true, description = "Print a saved search's Atom feed.")
    static final class Feed implements Callable<Integer> {
        @Mixin DatabaseOption database;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--base-url", paramLabel = "URL", description = "the server's address, for links (default: ${DEFAULT-VALUE})")
        String baseUrl = DEFAULT_BASE_URL;
        @Option(names = "--limit", paramLabel = "N", description = "newest entries shown (default: ${DEFAULT-VALUE})")
        int limit = AlertFeeds.ENTRIES;

        @Override
        public Integer call() {
            return onAlerts(spec, database, false, (alerts, out, err) -> {
                var feed = AlertFeeds.feed(alerts, id, baseUrl, limit);
                if (feed.isEmpty()) {
                    err.println(NAME + " feed: no saved search '" + id + "'");
                    return 1;
                }
                out.println(feed.get());
                return 0;
            });
        }
    }

    @Command(name = "log", mixinStandardHelpOptions = true, description = "Print a saved search's webhook deliveries and every attempt.")
    static final class Log implements Callable<Integer> {
        @Mixin DatabaseOption database;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            return onAlerts(spec, database, false, (alerts, out, err) -> {
                for (AlertStore.Delivery d : alerts.deliveries(id)) {
                    out.printf("delivery %s  %s  %s after %d attempt(s)%n", d.deliveryId(), d.ocid(), d.state(), d.attempts());
                }
                for (AlertStore.Attempt a : alerts.attempts(id)) {
                    out.printf("  %s  attempt %d  %s  %s  %d ms%s%n", a.at(), a.attempt(), a.url(),
                            a.httpStatus() == null ? "no response" : "HTTP " + a.httpStatus(), a.millis(),
                            a.error() == null ? "" : "  " + a.error());
                }
                return 0;
            });
        }
    }

    /** What a subcommand does with the saved searches; returns its exit code. */
    @FunctionalInterface
    private interface AlertWork {
        int run(AlertStore alerts, PrintWriter out, PrintWriter err) throws IOException;
    }

    /** Opens the saved searches (for writing or reading), runs {@code work}, and reports a database problem (exit 1). */
    private static int onAlerts(CommandSpec spec, DatabaseOption database, boolean write, AlertWork work) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (AlertStore alerts = write ? AlertStore.open(database.directory()) : AlertStore.openReadOnly(database.directory())) {
            return work.run(alerts, out, err);
        } catch (StoreException | IOException e) {
            err.println(NAME + " " + spec.name() + ": " + e.getMessage());
            return 1;
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = new ObjectMapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }

    private static String orDash(String s) {
        return s == null ? "–" : s;
    }
}
