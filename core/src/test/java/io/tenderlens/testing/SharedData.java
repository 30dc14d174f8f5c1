package io.tenderlens.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real data in {@code ../shared/data} beside the checkout. Tests that need it call
 * {@link #path}; when it is missing they fail with a message saying where it was looked for,
 * they never skip.
 */
public final class SharedData {
    private SharedData() {}

    /** The shared folder: system property {@code tenderlens.shared}, else {@code ../shared} from the working directory upwards. */
    public static Path root() {
        String prop = System.getProperty("tenderlens.shared");
        if (prop != null && Files.isDirectory(Path.of(prop, "data"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate.normalize();
            }
        }
        throw new AssertionError("The shared real data is missing: looked for " + prop
                + " and for a folder 'shared/data' beside the checkout. Clone the repo next to ../shared.");
    }

    /** A path under {@code shared/data}, which must exist. */
    public static Path path(String relative) {
        Path p = root().resolve("data").resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("Real data file missing: " + p);
        }
        return p;
    }
}
