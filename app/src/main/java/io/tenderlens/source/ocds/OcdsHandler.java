package io.tenderlens.source.ocds;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Receives what an {@link OcdsReader} finds, in input order, on the thread that called {@code read}.
 * An exception thrown here stops the read and propagates out of it.
 */
public interface OcdsHandler {

    /** One release, with its ocid, date, package metadata and position. */
    void release(OcdsRelease release) throws IOException;

    /** A problem; the reader goes on reading after it. */
    void problem(OcdsProblem problem) throws IOException;

    /**
     * A package (release or record package) has ended. {@code complete} holds all its metadata,
     * including fields written after its {@code releases} / {@code records} array, which the
     * releases themselves did not see (see {@link OcdsRelease#metadata()}). Also called for
     * packages that hold no releases.
     */
    default void packageEnd(PackageMetadata complete) throws IOException {}

    /** A handler from two lambdas (ignoring {@link #packageEnd}). */
    static OcdsHandler of(Consumer<OcdsRelease> releases, Consumer<OcdsProblem> problems) {
        return new OcdsHandler() {
            @Override public void release(OcdsRelease release) {
                releases.accept(release);
            }

            @Override public void problem(OcdsProblem problem) {
                problems.accept(problem);
            }
        };
    }
}
