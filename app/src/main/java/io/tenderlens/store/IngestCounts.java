package io.tenderlens.store;

/**
 * What one ingest did.
 *
 * @param files           input files read
 * @param releasesRead    releases found in them
 * @param newReleases     releases stored for the first time
 * @param duplicates      releases already stored (or read twice in this ingest)
 * @param rejected        releases refused (no ocid)
 * @param problems        problems reported (bad JSON, truncated files, refused releases, …)
 * @param recordsCompiled records (ocids) compiled because their releases changed
 * @param recordsFailed   records whose releases could not be compiled (reported as problems)
 */
public record IngestCounts(long files, long releasesRead, long newReleases, long duplicates, long rejected,
                           long problems, long recordsCompiled, long recordsFailed) {
    /** One line for people: "3 files, 120 releases read: 100 new, 18 duplicate, 2 rejected; …". */
    public String describe() {
        return files + (files == 1 ? " file, " : " files, ") + releasesRead + " releases read: " + newReleases
                + " new, " + duplicates + " duplicate, " + rejected + " rejected; " + problems
                + (problems == 1 ? " problem; " : " problems; ") + recordsCompiled + " records compiled"
                + (recordsFailed > 0 ? ", " + recordsFailed + " could not be compiled" : "");
    }
}
