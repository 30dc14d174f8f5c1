package io.tenderlens.cli;

import io.tenderlens.store.Store;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db DIR} option of every command that uses the store. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "DIR",
            description = "Directory of the tenderlens database (default: ${DEFAULT-VALUE}).")
    Path directory = Store.DEFAULT_DIRECTORY;

    /** The database directory chosen. */
    public Path directory() {
        return directory;
    }
}
