package io.tenderlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.source.notice.NoticeFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tenderlens convert}: Chinese procurement notices (saved pages, texts, crawler CSVs,
 * aggregator JSON) → one OCDS 1.1 release package, one release per notice, in input order.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Converts Chinese government-procurement notices into an OCDS 1.1 release package: saved pages of ccgp.gov.cn "
                    + "and the provincial sites (.html/.htm, any encoding), plain texts (.txt), crawler tables (.csv with "
                    + "title, content, time, url columns) and aggregator arrays (.json). Directories are read recursively.",
            "One release per notice, in the order of the input files; each names its file or URL in noticeSource and "
                    + "says where every value came from in provenance. Notices of one procurement share an ocid "
                    + "(ocds-tenderlens-…, by project code, else buyer + title stem + lot); the same notice published "
                    + "twice is one release.",
            "A file that is not a notice (a list page, an error or captcha page, an empty file) is reported on standard "
                    + "error with its name and the reason; the rest is converted. Exit status: 0 done, 1 no notice could be "
                    + "converted (or, with --strict, any file was not a notice), 2 wrong usage."},
        exitCodeOnInvalidInput = 2)
public final class ConvertCommand implements Callable<Integer> {
    /** The OCDS extensions the releases use: lots and bid opening (our own extension is declared by the project's extension/). */
    static final List<String> EXTENSIONS = List.of(
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bidOpening_extension/master/extension.json");

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Notice files or directories.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the package here (default: standard output).")
    Path out;

    @Option(names = "--pretty", description = "Indent the output.")
    boolean pretty;

    @Option(names = "--strict", description = "Exit with status 1 if any input was not a notice.")
    boolean strict;

    @Mixin
    NoticeWorkersOption workers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        NoticeFiles.Result result = new NoticeFiles(workers.workers()).releases(files, p -> err.println("convert: " + p));
        ObjectNode pkg = releasePackage(result.releases());
        ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            mapper.enable(SerializationFeature.INDENT_OUTPUT);
        }
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            mapper.writeValue(stdout, pkg);
            stdout.println();
            stdout.flush();
        } else {
            // write beside the target and move, so that a killed run never leaves half a package
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".convert-", ".json");
            try {
                mapper.writeValue(tmp.toFile(), pkg);
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        err.printf("convert: %d notices read, %d releases written (%d exact re-publications merged), %d inputs not converted%n",
                result.notices(), result.releases().size(), result.duplicates(), result.problems().size());
        if (result.releases().isEmpty() || (strict && !result.problems().isEmpty())) {
            return 1;
        }
        return 0;
    }

    /**
     * A release package of the releases. Its {@code publishedDate} is the latest release date, so that converting
     * the same files twice gives the same bytes.
     */
    static ObjectNode releasePackage(List<ObjectNode> releases) {
        ObjectNode pkg = new ObjectMapper().createObjectNode();
        pkg.put("uri", "urn:tenderlens:convert");
        String latest = releases.stream().map(r -> r.path("date").asText("")).max(String::compareTo).orElse("");
        pkg.put("publishedDate", latest.isEmpty() ? "1970-01-01T00:00:00Z" : latest);
        pkg.putObject("publisher").put("name", "tenderlens convert");
        pkg.put("version", "1.1");
        ArrayNode ext = pkg.putArray("extensions");
        EXTENSIONS.forEach(ext::add);
        ArrayNode list = pkg.putArray("releases");
        releases.forEach(list::add);
        return pkg;
    }
}
