package io.tenderlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenderlens.archive.Archive;
import io.tenderlens.archive.TreeHead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tenderlens prove NOTICE}: prints the inclusion proof of an archived notice as JSON. */
@Command(name = "prove", mixinStandardHelpOptions = true,
        description = {"Print, as JSON, the proof that a notice is in the archive's signed transparency log: leaf index, "
                + "audit path and signed tree head. Check it anywhere with tools/verify-proof.py (docs/ARCHIVE.md)."})
public final class ProveCommand implements Callable<Integer> {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;

    @Mixin DatabaseOption database;

    @Parameters(paramLabel = "NOTICE", description = "The notice's SHA-256 (hex) or a file with its bytes.")
    String notice;

    @Override public Integer call() throws IOException {
        String sha;
        if (SHA256.matcher(notice).matches() && !Files.exists(Path.of(notice))) {
            sha = notice.toLowerCase(java.util.Locale.ROOT);
        } else if (Files.isRegularFile(Path.of(notice))) {
            sha = Archive.sha256Of(Path.of(notice));
        } else {
            spec.commandLine().getErr().println("tenderlens prove: " + notice + " is neither a SHA-256 nor a file");
            return 2;
        }
        Path dir = Archive.inDataDir(database.directory());
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("tenderlens prove: no archive at " + dir);
            return 1;
        }
        try (Archive archive = Archive.open(dir)) {
            if (!archive.contains(sha)) {
                spec.commandLine().getErr().println("tenderlens prove: " + notice + " (SHA-256 " + sha + ") is not in the archive " + dir);
                return 1;
            }
            spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(archive.prove(sha).toJson()));
            return 0;
        }
    }

    /** Reads a tree head from a file: a tree head object, a 'prove' output (its treeHead), or the last line of tree-heads.jsonl. */
    static TreeHead readTreeHead(Path file) throws IOException {
        String text = Files.readString(file).strip();
        if (text.isEmpty()) {
            throw new IOException(file + " is empty: expected a saved tree head (JSON)");
        }
        String[] lines = text.split("\n");
        // a tree-heads.jsonl history: its last line is the latest head
        String json = lines.length > 1 && lines[0].strip().startsWith("{") && lines[0].strip().endsWith("}")
                ? lines[lines.length - 1] : text;
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not a saved tree head (JSON): " + e.getOriginalMessage(), e);
        }
        if (node.has("treeHead")) {
            node = node.get("treeHead");
        }
        return TreeHead.fromJson(node, file.toString());
    }
}
