package io.tenderlens.source.harvest;

/**
 * What one harvest run did. {@code stoppedBy} is empty when the run finished, otherwise it says why it stopped
 * (blocked) — running the same command again continues from the saved state.
 */
public record HarvestReport(int listPages, int documents, int archivedNew, int alreadyArchived, int skippedKnown,
                            int notModified, int windows, int splits, long millis, String stoppedBy) {
    public boolean finished() {
        return stoppedBy.isEmpty();
    }

    /** Pages (list and document) per second over the run. */
    public double pagesPerSecond() {
        return millis == 0 ? 0 : (listPages + documents + notModified) * 1000.0 / millis;
    }

    /** A running tally, turned into a report at the end. */
    public static final class Tally {
        public int listPages;
        public int documents;
        public int archivedNew;
        public int alreadyArchived;
        public int skippedKnown;
        public int notModified;
        public int windows;
        public int splits;
        private final long started = System.nanoTime();

        public HarvestReport report(String stoppedBy) {
            return new HarvestReport(listPages, documents, archivedNew, alreadyArchived, skippedKnown, notModified,
                    windows, splits, (System.nanoTime() - started) / 1_000_000, stoppedBy);
        }
    }
}
