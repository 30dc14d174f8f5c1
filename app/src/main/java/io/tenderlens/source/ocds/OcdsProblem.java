package io.tenderlens.source.ocds;

/**
 * Something wrong (or worth knowing) in an input, with where it was found. The reader keeps going
 * after every problem: the rest of the line, entry or file is read as far as it can be.
 *
 * @param kind     what went wrong
 * @param at       file and position
 * @param ocid     the ocid concerned, when known, else null
 * @param message  a sentence for a person, without the position (see {@link #toString()})
 */
public record OcdsProblem(Kind kind, SourcePosition at, String ocid, String message) {

    /** How bad a problem is. */
    public enum Severity {
        /** Data was lost: a value could not be read or is not an OCDS release. */
        ERROR,
        /** The release was kept but is incomplete (e.g. it has no {@code date}). */
        WARNING,
        /** Nothing was lost that the file held (e.g. linked releases, which point elsewhere). */
        NOTE
    }

    /** The kinds of problem, each with its severity. */
    public enum Kind {
        /** The input ends inside a JSON value. */
        TRUNCATED(Severity.ERROR),
        /** Bytes that are not JSON (a broken line, a stray character). */
        INVALID_JSON(Severity.ERROR),
        /** Bytes that are not valid in the input's character encoding. */
        ENCODING(Severity.ERROR),
        /** Valid JSON that is not an OCDS package, record or release. */
        NOT_OCDS(Severity.ERROR),
        /** A release without an {@code ocid} string; it is skipped. */
        MISSING_OCID(Severity.ERROR),
        /** The file or archive entry could not be read at all. */
        UNREADABLE(Severity.ERROR),
        /** A release without a {@code date} string; it is kept. */
        MISSING_DATE(Severity.WARNING),
        /** Linked releases ({@code url}, {@code date}, {@code tag}) are not fetched; they are skipped. */
        LINKED_RELEASE(Severity.NOTE),
        /** A record's compiledRelease or versionedRelease was not passed on (see {@link OcdsRelease.Origin}). */
        SKIPPED_RECORD_PART(Severity.NOTE);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    public Severity severity() {
        return kind.severity();
    }

    @Override public String toString() {
        return at + ": " + (ocid == null ? "" : ocid + ": ") + message;
    }
}
