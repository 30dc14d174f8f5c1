package io.tenderlens.cli;

import io.tenderlens.store.Store;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --db DIR} option of every command that uses the data directory: database, archive, harvest state. */
public final class DatabaseOption {
    @Option(names = "--db", paramLabel = "DIR",
            description = "The data directory: the database, the archive (DIR/archive) and harvest state "
                    + "(default: ${DEFAULT-VALUE}).")
    Path directory = Store.DEFAULT_DIRECTORY;

    /** The data directory chosen. */
    public Path directory() {
        return directory;
    }
}
