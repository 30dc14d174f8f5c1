package io.tenderlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenderlens.search.RecordSearcher;
import io.tenderlens.search.SearchAnalyzer;
import io.tenderlens.search.SearchHit;
import io.tenderlens.search.SearchIndex;
import io.tenderlens.search.SearchIndexException;
import io.tenderlens.search.SearchQueryException;
import io.tenderlens.search.SearchResults;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import io.tenderlens.store.StoreLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tenderlens search QUERY}: full-text search over the stored records. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Full-text search over the stored records, Chinese and English.",
                "Words match whole words of the segmented text in title, buyer, supplier or text (descriptions,"
                        + " items, lots, notice titles); all words are required. Syntax:",
                "  title:区块链  buyer:海关  supplier:…  text:…   a word in one field",
                "  \"智能 合约\"  \"distributed ledger\"             a phrase",
                "  -存证   NOT 存证                                 exclude",
                "  a OR b   a AND (b OR c)   区块*                 combine; prefix",
                "The index (DIR/index) is built on first use and brought up to date with the store before each search."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:searched (whether or not anything matched)", "1:bad query, no database, or the index cannot be built"})
public final class SearchCommand implements Callable<Integer> {
    private static final String BOLD = "\u001b[1;33m";
    private static final String PLAIN = "\u001b[0m";

    @Mixin DatabaseOption database;
    @Spec CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Records to show (default: ${DEFAULT-VALUE}).")
    int limit = 10;

    @Option(names = "--json", description = "Print the results as JSON: snippets as plain text with highlight ranges [start, end).")
    boolean json;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (several arguments are joined with spaces).")
    List<String> query;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        SearchIndex index = SearchIndex.of(database.directory(), SearchAnalyzer.bundled());
        try {
            bringUpToDate(index, err);
            try (RecordSearcher searcher = index.openSearcher()) {
                SearchResults results = searcher.search(String.join(" ", query), limit);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(results));
                } else {
                    print(results, out, System.console() != null);
                }
                out.flush();
                return 0;
            }
        } catch (SearchQueryException | SearchIndexException | StoreException e) {
            err.println("tenderlens search: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tenderlens search: cannot write the results: " + e.getMessage());
            return 1;
        }
    }

    private void bringUpToDate(SearchIndex index, PrintWriter err) {
        try (Store store = Store.openReadOnly(database.directory())) {
            if (!index.isCurrent(store)) {
                err.println("tenderlens search: indexing new and changed records into " + index.directory() + " …");
                err.flush();
                SearchIndex.UpdateCounts c = index.update(store, n -> { });
                err.println("tenderlens search: indexed " + c.indexed() + " records (" + c.documents() + " in the index"
                        + (c.rebuilt() ? ", rebuilt" : "") + ")");
            }
        } catch (StoreLockedException e) {
            if (!index.exists()) {
                throw e;
            }
            err.println("tenderlens search: the database is being written; searching the index as last built.");
        }
    }

    static void print(SearchResults r, PrintWriter out, boolean terminal) {
        out.printf("%s%d record%s match %s (%.1f ms)%n", r.totalIsExact() ? "" : "at least ", r.total(),
                r.total() == 1 ? "" : "s", r.query(), r.tookMillis());
        int n = 0;
        for (SearchHit h : r.hits()) {
            out.println();
            out.printf("%d. %s  %s  %s  %s%n", ++n, h.ocid(), orDash(h.date()), orDash(h.province()), orDash(h.status()));
            out.println("   " + orDash(h.title()));
            out.println("   buyer: " + orDash(h.buyer())
                    + (h.suppliers().isEmpty() ? "" : "  ·  suppliers: " + String.join(", ", h.suppliers())));
            for (SearchHit.Snippet s : h.snippets()) {
                out.println("   " + s.field() + ": " + marked(s, terminal));
            }
        }
    }

    /** The snippet with its matches in bold on a terminal, in [brackets] otherwise. */
    private static String marked(SearchHit.Snippet s, boolean terminal) {
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (SearchHit.Highlight h : s.highlights()) {
            if (h.start() < at) {
                continue;
            }
            b.append(s.text(), at, h.start()).append(terminal ? BOLD : "[")
                    .append(s.text(), h.start(), h.end()).append(terminal ? PLAIN : "]");
            at = h.end();
        }
        return b.append(s.text().substring(at)).toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }
}
