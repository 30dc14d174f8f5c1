package io.tenderlens.cli;

import io.tenderlens.source.ocds.OcdsHandler;
import io.tenderlens.source.ocds.OcdsProblem;
import io.tenderlens.source.ocds.OcdsRelease;
import io.tenderlens.store.ReleaseIngest;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passes what an {@code OcdsReader} finds to the store: each release with its file and position, each
 * problem with its position; a release without an ocid counts as rejected. Notes (linked releases and
 * record parts skipped) are counted, not stored, and told once per kind by {@link #reportNotes}.
 */
final class OcdsIngestHandler implements OcdsHandler {
    private final ReleaseIngest ingest;
    private final Map<OcdsProblem.Kind, Long> notes = new TreeMap<>();

    OcdsIngestHandler(ReleaseIngest ingest) {
        this.ingest = ingest;
    }

    @Override public void release(OcdsRelease release) {
        ingest.add(release.tree(), release.position().file(), release.position().withinFile());
    }

    @Override public void problem(OcdsProblem problem) {
        String file = problem.at().file();
        String where = problem.at().withinFile();
        String message = (problem.ocid() == null ? "" : problem.ocid() + ": ") + problem.message();
        switch (problem.severity()) {
            case NOTE -> notes.merge(problem.kind(), 1L, Long::sum);
            case WARNING -> ingest.problem(file, where, "warning: " + message);
            default -> {
                if (problem.kind() == OcdsProblem.Kind.MISSING_OCID) {
                    ingest.rejected(file, where, message);
                } else {
                    ingest.problem(file, where, message);
                }
            }
        }
    }

    /** One line per kind of note met, with its count. */
    void reportNotes(PrintWriter err) {
        notes.forEach((kind, n) -> err.println("note: " + n + " × " + noteText(kind)));
    }

    private static String noteText(OcdsProblem.Kind kind) {
        return switch (kind) {
            case LINKED_RELEASE -> "linked release skipped (it points to a release elsewhere; ingest that file too)";
            case SKIPPED_RECORD_PART -> "record part skipped (a compiled or versioned release beside embedded releases)";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
