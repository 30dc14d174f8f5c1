package io.tenderlens.store;

/** Hears what an ingest does: the problems it met and how far it got. */
public interface IngestListener {
    /** A release or part of an input could not be used; the rest goes on. {@code position} may be null. */
    void problem(String file, String position, String message);

    /** A problem as one line: {@code file:position: message}, or {@code file: message} without a position. */
    static String problemLine(String file, String position, String message) {
        return file + (position == null || position.isEmpty() ? "" : ":" + position) + ": " + message;
    }

    /** A batch of releases was committed; {@code releasesRead} have been read so far. */
    default void stored(long releasesRead) {}

    /** Compiling starts: {@code total} records (ocids) to compile. */
    default void compiling(long total) {}

    /** Records compiled so far out of {@code total} to compile in this ingest. */
    default void compiled(long done, long total) {}
}
