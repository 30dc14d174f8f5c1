package io.tenderlens.cli;

import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.source.notice.NoticeFiles;
import io.tenderlens.source.ocds.OcdsReader;
import io.tenderlens.store.IngestCounts;
import io.tenderlens.store.IngestListener;
import io.tenderlens.store.ReleaseIngest;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** {@code tenderlens ingest PATH...}: loads OCDS releases into the store and compiles their records. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Load OCDS releases into the store and keep their records compiled.",
                "Reads release packages, record packages, JSON Lines, concatenated JSON, .gz and .zip;"
                        + " directories are read recursively (files named *.json, *.jsonl, *.ndjson, *.gz, *.zip).",
                "Each release is kept once: ingesting the same data again changes nothing.",
                "Problems are reported with file and position; the rest is ingested.",
                "An interrupted ingest leaves the store consistent: run it again to finish."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ingested (problems, if any, were reported)",
                "1:nothing could be read, the database is in use by another writer, or --strict and a problem"})
public final class IngestCommand implements Callable<Integer> {
    private static final int PROBLEMS_SHOWN = 100;
    private static final int WARNINGS_SHOWN = 20;

    @Mixin DatabaseOption database;
    @Mixin NoticeWorkersOption workers;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "OCDS files, Chinese notice files (.html/.htm pages, .txt texts, crawler .csv, aggregator .json) or directories.")
    List<Path> paths;

    @Option(names = "--strict", description = "Exit with 1 when any problem was met (the good data is still stored).")
    boolean strict;

    private PrintWriter err;
    private Progress readingProgress;
    private long problemsShown;
    /** The OCDS files' way into the store; it counts the notes reported at the end. */
    private OcdsIngestHandler storing;
    private final AtomicLong mergeWarnings = new AtomicLong();

    @Override
    public Integer call() {
        err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path path : paths) {
            collect(path, files, missing);
        }
        missing.forEach(m -> err.println("tenderlens ingest: " + m));
        if (files.isEmpty()) {
            err.println("tenderlens ingest: no OCDS or notice files to read in " + paths);
            return 1;
        }
        IngestCounts counts;
        ReleaseCompiler compiler = new ReleaseCompiler(MergeRules.bundled(), this::mergeWarning);
        try (Store store = Store.openForWriting(database.directory(), "tenderlens ingest");
             ReleaseIngest ingest = store.beginIngest(compiler::compile, listener())) {
            try (Progress reading = Progress.start("ingest: reading", totalSize(files), Progress.Unit.BYTES)) {
                reading.message("0 releases");
                OcdsReader reader = OcdsReader.trees().withProgress(reading::step);
                storing = new OcdsIngestHandler(ingest);
                readingProgress = reading;
                List<Path> notices = new ArrayList<>();
                for (Path file : files) {
                    ingest.fileRead();
                    if (NoticeFiles.kindOf(file) != null) {
                        notices.add(file);
                    } else {
                        reader.read(file, storing);
                    }
                }
                ingestNotices(notices, ingest, workers.workers());
            }
            counts = ingest.finish();
        } catch (StoreException e) {
            err.println("tenderlens ingest: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tenderlens ingest: " + e.getMessage());
            return 1;
        }
        report(counts);
        if (counts.releasesRead() == 0) {
            err.println("tenderlens ingest: no release could be read");
            return 1;
        }
        return strict && (counts.problems() > 0 || counts.recordsFailed() > 0) ? 1 : 0;
    }

    /**
     * Notices are converted and linked together (one ocid per procurement, re-publications once), so the
     * notice files of one ingest are read as one batch before they are stored.
     */
    private static void ingestNotices(List<Path> files, ReleaseIngest ingest, int workers) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        NoticeFiles.Result converted = new NoticeFiles(workers).releases(files,
                p -> ingest.problem(p.file(), p.position().isEmpty() ? null : p.position(), p.message()));
        for (var release : converted.releases()) {
            String file = release.path("noticeSource").path("file").asText(null);
            ingest.add(release, file == null ? files.get(0).toString() : file, null);
        }
    }

    private IngestListener listener() {
        return new IngestListener() {
            private Progress compiling;

            @Override public void problem(String file, String position, String message) {
                if (problemsShown++ < PROBLEMS_SHOWN) {
                    err.println(IngestListener.problemLine(file, position, message));
                }
            }

            @Override public void stored(long releasesRead) {
                if (readingProgress != null) {
                    readingProgress.message(String.format(Locale.ROOT, "%,d releases", releasesRead));
                }
            }

            @Override public void compiling(long total) {
                if (total > 0) {
                    compiling = Progress.start("ingest: compiling records", total, Progress.Unit.RECORDS);
                }
            }

            @Override public void compiled(long done, long total) {
                compiling.step(done - compiling.done());
                if (done == total) {
                    compiling.close();
                }
            }
        };
    }

    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.size(file);
            } catch (IOException e) {
                // the reader reports the file; the progress total is only a guide
            }
        }
        return total;
    }

    private void mergeWarning(String ocid, String message) {
        if (mergeWarnings.incrementAndGet() <= WARNINGS_SHOWN) {
            synchronized (this) {
                err.println("merge warning: " + ocid + ": " + message);
            }
        }
    }

    private void report(IngestCounts counts) {
        if (problemsShown > PROBLEMS_SHOWN) {
            err.println("... and " + (problemsShown - PROBLEMS_SHOWN) + " more problems");
        }
        if (mergeWarnings.get() > WARNINGS_SHOWN) {
            err.println("... and " + (mergeWarnings.get() - WARNINGS_SHOWN) + " more merge warnings");
        }
        if (storing != null) {
            storing.reportNotes(err);
        }
        err.println("tenderlens ingest: " + counts.describe()
                + (mergeWarnings.get() > 0 ? "; " + mergeWarnings.get() + " merge warnings" : "")
                + " → " + database.directory());
        err.flush();
    }

    /** The files under {@code path}: the file itself, or the OCDS-looking files of a directory tree, in name order. */
    private static void collect(Path path, List<Path> files, List<String> problems) {
        if (Files.isRegularFile(path)) {
            files.add(path);
            return;
        }
        if (!Files.isDirectory(path)) {
            problems.add(path + ": no such file or directory");
            return;
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(path) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file) && (looksLikeOcds(file) || looksLikeNotice(file))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(file + ": " + (e instanceof FileSystemLoopException ? "symbolic link loop, skipped"
                            : "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(path + ": cannot read: " + e.getMessage());
        }
        found.sort(null);
        files.addAll(found);
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    private static boolean looksLikeNotice(Path file) {
        try {
            return NoticeFiles.kindOf(file) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean looksLikeOcds(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson")
                || name.endsWith(".jsonlines") || name.endsWith(".gz") || name.endsWith(".zip");
    }
}
