package io.tenderlens.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tenderlens.ocds.MergeRules;
import io.tenderlens.ocds.MergeWarnings;
import io.tenderlens.ocds.ReleaseCompiler;
import io.tenderlens.testing.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Real inputs, a compiler and checks shared by the store tests. */
final class StoreFixtures {
    private StoreFixtures() {}

    /** JSON Lines files of real releases, several publishers, several releases per ocid in some. */
    static final List<String> REAL_JSONL = List.of(
            "ocds/real/paraguay-dncp/releases-v1.1.jsonl",
            "ocds/real/mexico-cdmx/releases.jsonl",
            "ocds/real/canada-buyandsell/releases.jsonl",
            "ocds/real/moldova-tender-gov-md/releases.jsonl",
            "ocds/real/portugal-impic/releases.jsonl");

    /** The real merge: OCDS 1.1.5 rules. */
    static final Function<List<ObjectNode>, ObjectNode> COMPILER =
            new ReleaseCompiler(MergeRules.bundled(), MergeWarnings.IGNORE)::compile;

    static final IngestListener QUIET = (file, position, message) -> { };

    /** The releases of a real JSON Lines file, one per line. */
    static List<ObjectNode> releases(String relative) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.path(relative))) {
            if (!line.isBlank()) {
                out.add((ObjectNode) Store.JSON.readTree(line));
            }
        }
        return out;
    }

    /** Ingests the releases of real JSON Lines files (line numbers as positions). */
    static IngestCounts ingest(Store store, Function<List<ObjectNode>, ObjectNode> compiler, List<String> files)
            throws IOException {
        return ingest(store, compiler, files, ReleaseIngest.Limits.DEFAULT);
    }

    static IngestCounts ingest(Store store, Function<List<ObjectNode>, ObjectNode> compiler, List<String> files,
                               ReleaseIngest.Limits limits) throws IOException {
        try (ReleaseIngest ingest = store.beginIngest(compiler, QUIET, limits)) {
            for (String file : files) {
                ingest.fileRead();
                int line = 0;
                for (ObjectNode release : releases(file)) {
                    ingest.add(release, file, "line " + ++line);
                }
            }
            return ingest.finish();
        }
    }

    /** The releases of each ocid, in input order, across {@code files}. */
    static Map<String, List<ObjectNode>> byOcid(List<String> files) throws IOException {
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        for (String file : files) {
            for (ObjectNode release : releases(file)) {
                groups.computeIfAbsent(release.get("ocid").asText(), k -> new ArrayList<>()).add(release);
            }
        }
        return groups;
    }

    /** A digest of everything stored (releases, records), to compare two stores or two moments. */
    static String fingerprint(Store store) throws SQLException {
        try (Statement s = store.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) || ':' || coalesce(bit_xor(hash(release_sha256 || json)), 0) FROM releases)"
                     + " || '/' || (SELECT count(*) || ':' || coalesce(bit_xor(hash(ocid || compiled || release_count)), 0) FROM records)"
                     + " || '/' || (SELECT count(*) FROM pending_records)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The store's invariant: every ocid with releases either waits in pending_records, or has a
     * record compiled from exactly its stored releases.
     */
    static void assertConsistent(Store store, Function<List<ObjectNode>, ObjectNode> compiler) throws SQLException {
        Map<String, List<ObjectNode>> releases = new LinkedHashMap<>();
        Map<String, ObjectNode> records = new HashMap<>();
        Set<String> pending = new HashSet<>();
        try (Statement s = store.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT ocid, json FROM releases ORDER BY ocid, seq")) {
                while (rs.next()) {
                    releases.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Store.parseObject(rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT ocid, compiled FROM records")) {
                while (rs.next()) {
                    assertThat(records.put(rs.getString(1), Store.parseObject(rs.getString(2)))).as("one record per ocid").isNull();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT ocid FROM pending_records")) {
                while (rs.next()) {
                    pending.add(rs.getString(1));
                }
            }
        }
        releases.forEach((ocid, list) -> {
            if (!pending.contains(ocid)) {
                assertThat(records.get(ocid)).as(ocid).isEqualTo(compiler.apply(list));
            }
        });
        assertThat(releases.keySet()).containsAll(records.keySet());
    }

    static Path databaseFile(Path dir) {
        return dir.resolve(Store.DATABASE_FILE);
    }
}
