package io.tenderlens.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Every signed tree head of the archive, oldest first, one JSON per line in {@code tree-heads.jsonl}. */
final class TreeHeadLog {
    private final Path file;
    private final List<TreeHead> heads = new ArrayList<>();
    private final List<String> damage = new ArrayList<>();

    private TreeHeadLog(Path file) {
        this.file = file;
    }

    /** Reads the history; an unfinished last line (a crash while appending) is cut off and reported. */
    static TreeHeadLog open(Path file, Consumer<String> notes) throws IOException {
        TreeHeadLog log = new TreeHeadLog(file);
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end != bytes.length) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
                notes.accept("repaired " + file + ": removed an unfinished last tree head (" + (bytes.length - end)
                        + " bytes at byte offset " + end + ") left by an interrupted write");
            }
            String[] lines = new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                try {
                    log.heads.add(TreeHead.parse(lines[i], file + " line " + (i + 1)));
                } catch (IllegalArgumentException e) {
                    log.damage.add(e.getMessage());
                }
            }
        }
        return log;
    }

    void append(TreeHead head) throws IOException {
        byte[] line = (head.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(false);
        }
        heads.add(head);
    }

    Optional<TreeHead> latest() {
        return heads.isEmpty() ? Optional.empty() : Optional.of(heads.get(heads.size() - 1));
    }

    List<TreeHead> all() {
        return List.copyOf(heads);
    }

    List<String> damage() {
        return List.copyOf(damage);
    }

    Path file() {
        return file;
    }
}
