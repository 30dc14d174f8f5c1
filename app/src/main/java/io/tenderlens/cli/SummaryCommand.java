package io.tenderlens.cli;

import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import io.tenderlens.store.StoreSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code tenderlens summary}: what the store holds, in a few lines. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Summarise what is stored: releases and records, records by stage, status and year,",
                "the top buyers, and exact budget and award totals per currency."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:summary printed", "1:no database, or it is in use by a writer"})
public final class SummaryCommand implements Callable<Integer> {
    @Mixin DatabaseOption database;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        try (Store store = Store.openReadOnly(database.directory())) {
            spec.commandLine().getOut().print(StoreSummary.of(store).render());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("tenderlens summary: " + e.getMessage());
            return 1;
        }
    }
}
