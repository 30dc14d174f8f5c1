package io.tenderlens.cli;

import io.tenderlens.search.NoticeIndex;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code tenderlens index}: (re)builds the store's full-text index, for search and fast reports. */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Build the full-text index of the store's records (Chinese and English; fields title, buyer, supplier, text).",
                "`search` needs it; `report` uses it to read only the records with a topic's terms.",
                "Run it again after an ingest: an index older than the store is not used."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:index built", "1:no store, or the index could not be written"})
public final class IndexCommand implements Callable<Integer> {
    @Mixin DatabaseOption database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Store store = Store.openReadOnly(database.directory())) {
            long total = store.recordCount();
            long started = System.nanoTime();
            long n;
            try (Progress progress = Progress.start("index: records", total, Progress.Unit.RECORDS)) {
                n = NoticeIndex.build(store, done -> progress.step(done - progress.done()));
            }
            spec.commandLine().getOut().printf("indexed %,d records in %.1f s → %s%n", n, (System.nanoTime() - started) / 1e9,
                    NoticeIndex.directoryOf(store));
            return 0;
        } catch (StoreException | IOException e) {
            spec.commandLine().getErr().println("tenderlens index: " + e.getMessage());
            return 1;
        }
    }
}
