package io.tenderlens.cli;

import io.tenderlens.archive.Archive;
import io.tenderlens.archive.TreeHead;
import io.tenderlens.archive.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenderlens verify}: re-hashes every archived notice and checks the signed transparency log. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the archive: every object re-hashed and in the log, every signed tree head valid and "
                + "matching the log, and (with --since) a consistency proof that the log only grew since a saved tree head.",
                "Exit code 0 when everything verifies, 1 with each problem named otherwise."})
public final class VerifyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DatabaseOption database;

    @Option(names = "--since", paramLabel = "TREE_HEAD_FILE",
            description = "A tree head saved earlier (JSON, e.g. the 'treeHead' of a 'prove' output or a line of tree-heads.jsonl).")
    Path since;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = Archive.inDataDir(database.directory());
        if (!Files.isDirectory(dir)) {
            err.println("tenderlens verify: no archive at " + dir);
            return 1;
        }
        Optional<TreeHead> saved = Optional.empty();
        if (since != null) {
            saved = Optional.of(ProveCommand.readTreeHead(since));
        }
        try (Archive archive = Archive.open(dir)) {
            archive.recoveryNotes().forEach(n -> err.println("tenderlens verify: " + n));
            VerificationReport report = archive.verify(saved);
            report.facts().forEach(out::println);
            report.problems().forEach(p -> out.println("PROBLEM: " + p));
            out.println((report.ok() ? "verified: " : "FAILED: ") + report.objects() + " objects (" + report.bytes()
                    + " bytes), " + report.treeHeads() + " signed tree heads, " + report.problems().size() + " problem(s)");
            return report.ok() ? 0 : 1;
        }
    }
}
