package io.tenderlens.cli;

import io.tenderlens.search.NoticeIndex;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tenderlens search QUERY}: full-text search over the store's records. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the store's records, Chinese and English (build the index first with `tenderlens index`).",
                "Words are all required; \"a phrase\"; -word excludes; a OR b; field scopes title:, buyer:, supplier:, text:.",
                "Quote a query that starts with - or holds spaces: tenderlens search '区块链 -title:存证 buyer:海关'"},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:searched (even with no hit)", "1:no store or no current index", "2:the query cannot be read"})
public final class SearchCommand implements Callable<Integer> {
    @Mixin DatabaseOption database;
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "the query (several words are joined with spaces)")
    List<String> query;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "at most N hits (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String q = String.join(" ", query);
        try (Store store = Store.openReadOnly(database.directory())) {
            Optional<NoticeIndex> opened = NoticeIndex.openIfCurrent(store);
            if (opened.isEmpty()) {
                err.println("tenderlens search: no current search index in " + NoticeIndex.directoryOf(store) + ": run `tenderlens index` first");
                return 1;
            }
            try (NoticeIndex index = opened.get()) {
                long started = System.nanoTime();
                List<NoticeIndex.Hit> hits = index.search(q, limit);
                double ms = (System.nanoTime() - started) / 1e6;
                int rank = 1;
                for (NoticeIndex.Hit h : hits) {
                    out.printf("%3d  %-10s  %-28s  %s%n     %s%s%n", rank++, h.date(), h.ocid(), h.title(), h.buyer(),
                            h.suppliers().isEmpty() ? "" : " → " + String.join("; ", h.suppliers()));
                }
                out.printf("%d hit%s of %,d records for %s (%.1f ms)%n", hits.size(), hits.size() == 1 ? "" : "s", index.documents(), q, ms);
                return 0;
            }
        } catch (IllegalArgumentException e) {
            err.println("tenderlens search: " + e.getMessage());
            return 2;
        } catch (StoreException | IOException e) {
            err.println("tenderlens search: " + e.getMessage());
            return 1;
        }
    }
}
