package io.tenderlens.cli;

import io.tenderlens.alert.AlertMatcher;
import io.tenderlens.alert.AlertRoutes;
import io.tenderlens.search.SearchIndexException;
import io.tenderlens.server.ApiToken;
import io.tenderlens.server.ServerContext;
import io.tenderlens.server.WebServer;
import io.tenderlens.store.StoreException;
import io.tenderlens.topic.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code tenderlens serve}: the web application (pages and JSON API) over the store, on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the web application on 127.0.0.1: overview with filters, search, project pages, buyer and",
                "supplier profiles, open tenders, and the JSON API (/openapi.json). Reading is public; requests that change",
                "state need Authorization: Bearer <token>, the token in --token-file (created on first use, mode 600).",
                "When the default database directory holds no database yet, the bundled sample samples/blockchain is",
                "ingested into it first, so `tenderlens serve` on a fresh clone shows the sample."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "1:the store or the port could not be opened"})
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOption database;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the API token (default: DIR/" + ApiToken.DEFAULT_FILE + ")")
    Path tokenFile;

    @Option(names = "--topic", split = ",", paramLabel = "NAME", description = "bundled topics to serve, the first is the default (default: blockchain)")
    List<String> topicNames = new ArrayList<>(List.of("blockchain"));

    @Option(names = "--alert-every", defaultValue = "15", paramLabel = "MINUTES", description = "check saved searches (alerts) this often (default: ${DEFAULT-VALUE}; 0: never)")
    int alertEvery;

    @Option(names = "--allow-private-webhooks", description = "allow alert webhooks to loopback and private addresses")
    boolean allowPrivateWebhooks;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = database.directory();
        List<Topic> topics = new ArrayList<>();
        try {
            topicNames.forEach(t -> topics.add(Topic.bundled(t.strip())));
        } catch (IllegalArgumentException e) {
            err.println("tenderlens serve: " + e.getMessage());
            return 1;
        }
        boolean explicit = spec.commandLine().getParseResult().hasMatchedOption("--db");
        if (!explicit && !Files.exists(dir.resolve("tenderlens.duckdb"))) {
            Path sample = ReportCommand.bundledSample();
            err.println("tenderlens serve: no database in " + dir.toAbsolutePath() + ": ingesting the bundled sample " + sample + " first");
            int code = Main.commandLine().setOut(out).setErr(err).execute("ingest", "--db", dir.toString(), sample.toString());
            if (code != 0) {
                return code;
            }
        }
        ServerContext context;
        try {
            context = ServerContext.open(dir, topics, m -> err.println("tenderlens serve: " + m));
        } catch (StoreException | SearchIndexException e) {
            err.println("tenderlens serve: " + e.getMessage());
            return 1;
        }
        ApiToken token;
        try {
            token = ApiToken.loadOrCreate(tokenFile != null ? tokenFile : dir.resolve(ApiToken.DEFAULT_FILE));
        } catch (IOException e) {
            err.println("tenderlens serve: " + e.getMessage());
            context.close();
            return 1;
        }
        AlertRoutes alerts = new AlertRoutes(new AlertRoutes.Settings(allowPrivateWebhooks, Duration.ofMinutes(alertEvery),
                AlertMatcher.DEFAULT_FRESH_DAYS));
        WebServer server;
        try {
            server = WebServer.start(context, token, "127.0.0.1", port, List.of(alerts));
        } catch (RuntimeException e) {
            alerts.close();
            context.close();
            err.println("tenderlens serve: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return 1;
        }
        if (token.created()) {
            out.println("API token (shown once; kept in " + token.file() + ", mode 600): " + token.value());
        } else {
            out.println("API token: in " + token.file());
        }
        out.println("tenderlens serves " + dir.toAbsolutePath() + " at " + server.url() + "  (Ctrl-C stops it)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            alerts.close();
            server.close();
            context.close();
            stopped.countDown();
        }, "tenderlens-serve-stop"));
        stopped.await();
        return 0;
    }
}
