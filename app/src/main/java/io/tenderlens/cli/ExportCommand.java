package io.tenderlens.cli;

import io.tenderlens.store.RecordExport;
import io.tenderlens.store.Store;
import io.tenderlens.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/** {@code tenderlens export}: the stored records as OCDS, JSON Lines, CSV or Parquet. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the stored records out, ordered by ocid:",
                "  ocds    an OCDS record package (each record's releases and its compiled release)",
                "  jsonl   compiled releases, one per line",
                "  csv     flat columns (ocid, buyer, title, status, dates, budget, awards, suppliers, …),"
                        + " UTF-8 with a byte order mark for Excel",
                "  parquet the same flat columns, typed (decimal amounts, timestamps, lists)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:records written", "1:no database, it is in use by a writer, or the output cannot be written"})
public final class ExportCommand implements Callable<Integer> {
    @Mixin DatabaseOption database;
    @Spec CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "ocds, jsonl, csv or parquet.", converter = FormatConverter.class)
    RecordExport.Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (replaced once complete). Default: standard output; Parquet needs a file.")
    Path out;

    @Override
    public Integer call() {
        if (format == RecordExport.Format.PARQUET && out == null) {
            spec.commandLine().getErr().println("tenderlens export: Parquet is binary: give a file with --out FILE.parquet");
            return 1;
        }
        try (Store store = Store.openReadOnly(database.directory())) {
            RecordExport export = new RecordExport(store);
            long count;
            if (out == null) {
                count = export.write(format, System.out);
            } else if (format == RecordExport.Format.PARQUET) {
                count = export.writeParquet(out);
            } else {
                count = writeThenMove(export);
            }
            spec.commandLine().getErr().println("tenderlens export: " + count + " records"
                    + (out == null ? "" : " written to " + out) + " (" + format.name().toLowerCase() + ")");
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("tenderlens export: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            spec.commandLine().getErr().println("tenderlens export: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    /** A reader of {@code out} never sees half an export: it is written aside, then moved in place. */
    private long writeThenMove(RecordExport export) throws IOException {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            long count;
            try (OutputStream stream = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                count = export.write(format, stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return count;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Reads {@code --format} case-insensitively, with a message listing the formats. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<RecordExport.Format> {
        @Override
        public RecordExport.Format convert(String value) {
            try {
                return RecordExport.Format.of(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown format '" + value + "': use ocds, jsonl, csv or parquet");
            }
        }
    }
}
