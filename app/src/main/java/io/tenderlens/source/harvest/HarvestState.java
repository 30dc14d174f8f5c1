package io.tenderlens.source.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.archive.DurableFiles;
import io.tenderlens.archive.MerkleTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a harvest job has done, saved after every page (atomically) so that a stopped or killed run continues where
 * it stopped: finished windows and pages, the notice URLs already archived (with their SHA-256), HTTP validators for
 * conditional requests, the next page to fetch and the latest date seen. One file per job under
 * {@code DATA/harvest/}, named by the source and a hash of the job's parameters (never by untrusted text). Notices
 * archived between two saves go to an append-only journal beside it ({@code .notices.jsonl}, a line each), so that
 * saving after every notice costs a line, not the whole state; {@link #save} folds the journal into the file.
 */
public final class HarvestState {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path journal;
    private final ObjectNode root;
    /** Journal lines of notices archived since the last save of either kind. */
    private final StringBuilder unjournaled = new StringBuilder();

    private HarvestState(Path file, ObjectNode root) {
        this.file = file;
        this.journal = file.resolveSibling(file.getFileName() + ".notices.jsonl");
        this.root = root;
    }

    /** Loads (or starts) the state of the job {@code source}+{@code job} in {@code dataDir}. */
    public static HarvestState load(Path dataDir, String source, String job) throws IOException {
        String safeSource = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_");
        Path file = dataDir.resolve("harvest").resolve(safeSource + "-" + shortHash(job) + ".json");
        ObjectNode root;
        if (Files.exists(file)) {
            JsonNode read = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(read instanceof ObjectNode) || !job.equals(read.path("job").asText())) {
                throw new IOException(file + " is not the saved state of this harvest job; move it away to start afresh");
            }
            root = (ObjectNode) read;
        } else {
            root = JSON.createObjectNode();
            root.put("source", source);
            root.put("job", job);
        }
        HarvestState state = new HarvestState(file, root);
        state.replayJournal();
        return state;
    }

    /** Notices a killed run journaled after its last save; a line cut short by the kill is ignored. */
    private void replayJournal() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            try {
                JsonNode entry = JSON.readTree(line);
                root.with("notices").put(entry.path("url").asText(), entry.path("sha256").asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(journal + ": a damaged line (" + e.getOriginalMessage() + "); move the file away to fetch its notices again", e);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Saves durably (fsynced), the journal folded in: after a page, a window, a stop. */
    public void save() throws IOException {
        DurableFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        unjournaled.setLength(0);
        Files.deleteIfExists(journal); // its notices are in the file now; replaying it again would change nothing
    }

    /**
     * Saves the notices archived since the last save by appending them to the journal, without waiting for the disk:
     * survives a killed process, and after a power loss at worst forgets the last few documents, which are then
     * fetched again (the archive keeps them once).
     */
    public void saveQuickly() throws IOException {
        if (unjournaled.length() > 0) {
            Files.createDirectories(journal.getParent());
            Files.writeString(journal, unjournaled, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.WRITE);
            unjournaled.setLength(0);
        }
    }

    /** SHA-256 of the archived bytes of a notice URL, if it was archived by this job. */
    public Optional<String> archivedNotice(String url) {
        JsonNode sha = root.path("notices").get(url);
        return sha == null ? Optional.empty() : Optional.of(sha.asText());
    }

    public void noticeArchived(String url, String sha256) {
        root.with("notices").put(url, sha256);
        unjournaled.append(JSON.createObjectNode().put("url", url).put("sha256", sha256)).append('\n');
    }

    /** Every notice URL this job archived, with the SHA-256 of its bytes, in the order they were archived. */
    public java.util.Map<String, String> notices() {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        root.path("notices").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue().asText()));
        return all;
    }

    public int noticeCount() {
        return root.path("notices").size();
    }

    public Validators validators(String url) {
        JsonNode v = root.path("validators").path(url);
        return v.isMissingNode() ? Validators.NONE
                : new Validators(v.path("etag").textValue(), v.path("lastModified").textValue());
    }

    public void validators(String url, Validators validators) {
        if (!validators.isEmpty()) {
            ObjectNode v = root.with("validators").putObject(url);
            v.put("etag", validators.etag());
            v.put("lastModified", validators.lastModified());
        }
    }

    public boolean windowDone(String window) {
        return root.path("windowsDone").has(window);
    }

    /** Marks a window finished; {@code outcome} says how ("12 notices", "split: over the result cap"). */
    public void windowDone(String window, String outcome) {
        root.with("windowsDone").put(window, outcome);
        root.with("pagesDone").remove(window);
    }

    public int pagesDone(String window) {
        return root.path("pagesDone").path(window).asInt(0);
    }

    public void pageDone(String window, int page) {
        root.with("pagesDone").put(window, page);
    }

    /** A text value the harvester keeps (next page URL, last date seen, blocked reason …). */
    public Optional<String> get(String key) {
        JsonNode v = root.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    public void put(String key, String value) {
        if (value == null) {
            root.remove(key);
        } else {
            root.put(key, value);
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return MerkleTree.hex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
