package io.tenderlens.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --workers N} option of the commands that read Chinese notice files: how many threads parse them. */
public final class NoticeWorkersOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int workers = Runtime.getRuntime().availableProcessors();

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads that parse notice pages and texts (default: one per core). The output is the same for any N.")
    void workers(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1, not " + n);
        }
        workers = n;
    }

    /** The number of threads chosen. */
    public int workers() {
        return workers;
    }
}
