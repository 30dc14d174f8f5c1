package io.tenderlens.source.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The metadata of the package (release package or record package) a release came from.
 * Fields the package does not have, or that are not of the type the schema says, are null
 * ({@link #extensions()} is then empty).
 *
 * @param sequence         0-based number of this package within one {@link OcdsReader#read} call
 *                         (-1 for {@link #NONE})
 * @param kind             what kind of container this is
 * @param uri              {@code uri}
 * @param publishedDate    {@code publishedDate}
 * @param publisher        {@code publisher} (an object)
 * @param license          {@code license}
 * @param publicationPolicy {@code publicationPolicy}
 * @param version          {@code version} as written; OCDS 1.0 packages have none, see {@link #ocdsVersion()}
 * @param extensions       {@code extensions}: the URLs of the extensions' {@code extension.json}
 */
public record PackageMetadata(long sequence, Kind kind, String uri, String publishedDate, JsonNode publisher,
                              String license, String publicationPolicy, String version, List<String> extensions) {

    /** What held the release. */
    public enum Kind { RELEASE_PACKAGE, RECORD_PACKAGE, NONE }

    /** The metadata of a release that was not in a package (JSON Lines, a bare array, a bare release). */
    public static final PackageMetadata NONE = new PackageMetadata(-1, Kind.NONE, null, null, null, null, null, null, List.of());

    public PackageMetadata {
        extensions = List.copyOf(extensions);
    }

    /** The OCDS minor version the package declares: its {@code version}, "1.0" when it has none, null for {@link #NONE}. */
    public String ocdsVersion() {
        if (kind == Kind.NONE) {
            return null;
        }
        return version == null ? "1.0" : version;
    }
}
