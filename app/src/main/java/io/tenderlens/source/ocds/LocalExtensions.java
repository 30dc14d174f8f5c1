package io.tenderlens.source.ocds;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds local copies of the release-schema patches of OCDS extensions, so that the extensions a
 * package declares can be applied without downloading anything. A package names an extension by the
 * URL of its {@code extension.json}; for each directory given, in order, the patch is looked for
 *
 * <ol>
 *   <li>at the URL's host and path under the directory, with {@code extension.json} replaced by
 *       {@code release-schema.json}: {@code DIR/raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/release-schema.json}
 *       (a mirror, as {@code wget -x} lays it out);</li>
 *   <li>in a directory named like one of the URL's path segments, the deepest first:
 *       {@code DIR/ocds_lots_extension/release-schema.json} (a checkout of the extension's repository).</li>
 * </ol>
 * A URL that names a schema file itself (not {@code extension.json}) is looked for by its own file
 * name in the same places.
 */
public final class LocalExtensions {
    private static final String SCHEMA = "release-schema.json";

    private final List<Path> directories;

    public LocalExtensions(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** The directories searched, in order. */
    public List<Path> directories() {
        return directories;
    }

    /** Every place looked at for the patch of the extension at {@code extensionUrl}, in order. */
    public List<Path> candidates(String extensionUrl) {
        List<Path> out = new ArrayList<>();
        URI uri;
        try {
            uri = URI.create(extensionUrl.trim());
        } catch (IllegalArgumentException e) {
            return out;
        }
        String host = uri.getHost();
        String path = uri.getPath();
        if (host == null || path == null || path.isEmpty()) {
            return out;
        }
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            // a segment may not climb out of the directory
            if (!s.isEmpty() && !s.equals(".") && !s.equals("..")) {
                segments.add(s);
            }
        }
        if (segments.isEmpty()) {
            return out;
        }
        String last = segments.get(segments.size() - 1);
        String file = last.equals("extension.json") || !last.endsWith(".json") ? SCHEMA : last;
        List<String> folders = last.endsWith(".json") ? segments.subList(0, segments.size() - 1) : segments;
        for (Path dir : directories) {
            Path mirror = dir.resolve(host);
            for (String s : folders) {
                mirror = mirror.resolve(s);
            }
            out.add(mirror.resolve(file));
            for (int i = folders.size() - 1; i >= 0; i--) {
                out.add(dir.resolve(folders.get(i)).resolve(file));
            }
        }
        return out;
    }

    /** The first local copy of the extension's release-schema patch, if any. */
    public Optional<Path> releaseSchemaPatch(String extensionUrl) {
        return candidates(extensionUrl).stream().filter(Files::isRegularFile).findFirst();
    }
}
