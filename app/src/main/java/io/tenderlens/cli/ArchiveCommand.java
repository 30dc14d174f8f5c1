package io.tenderlens.cli;

import io.tenderlens.archive.Archive;
import io.tenderlens.archive.TreeHead;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenderlens archive add FILE...}: stores files a user already has in the tamper-evident archive. */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = "The content-addressed archive of notices, with a signed transparency log (see docs/ARCHIVE.md).",
        subcommands = {ArchiveCommand.Add.class})
public final class ArchiveCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Archive files (folders are walked). Each distinct content is stored once; prints "
                    + "'archived SHA256 FILE' or 'already SHA256 FILE' per file.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin DatabaseOption database;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to archive.")
        List<Path> files;

        @Override public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int added = 0;
            int already = 0;
            int failed = 0;
            try (Archive archive = Archive.open(Archive.inDataDir(database.directory()))) {
                archive.recoveryNotes().forEach(n -> err.println("tenderlens archive: " + n));
                for (Path file : expand(files, err)) {
                    try {
                        Archive.Entry entry = archive.add(file);
                        out.println((entry.added() ? "archived " : "already ") + entry.sha256() + " " + file);
                        out.flush();
                        if (entry.added()) {
                            added++;
                        } else {
                            already++;
                        }
                    } catch (IOException e) {
                        err.println("tenderlens archive: " + file + ": " + e.getMessage());
                        failed++;
                    }
                }
                TreeHead head = archive.commit();
                err.println(added + " archived, " + already + " already archived, " + failed + " failed; signed "
                        + head);
            }
            return failed == 0 ? 0 : 1;
        }

        private static List<Path> expand(List<Path> paths, PrintWriter err) throws IOException {
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    err.println("tenderlens archive: " + p + ": no such file");
                    files.add(p); // reported again as a failure by add, so the exit code says it
                }
            }
            return files;
        }
    }
}
