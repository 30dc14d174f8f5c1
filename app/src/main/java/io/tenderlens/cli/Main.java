package io.tenderlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code tenderlens} command line. */
@Command(name = "tenderlens", mixinStandardHelpOptions = true, version = "tenderlens 0.1.0",
        description = "Procurement intelligence over OCDS and Chinese government procurement notices.",
        subcommands = {
                CommandLine.HelpCommand.class,
                CompileCommand.class,
                IngestCommand.class,
                ExportCommand.class,
                SummaryCommand.class,
                ArchiveCommand.class,
                VerifyCommand.class,
                ProveCommand.class,
                ReportCommand.class,
                ConvertCommand.class,
                HarvestCommand.class,
                BuyerCommand.class,
                SearchCommand.class,
                ServeCommand.class,
                AlertsCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }
}
