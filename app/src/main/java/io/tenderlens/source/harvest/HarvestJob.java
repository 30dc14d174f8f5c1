package io.tenderlens.source.harvest;

import io.tenderlens.archive.Archive;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * What every harvester works with: the polite client, the archive the bytes go to first, the job's saved state,
 * the sink that converts and ingests, and where progress lines go. Also runs a harvest body so that being blocked
 * is saved in the state and reported, and the archive and sink are always finished.
 */
public record HarvestJob(PoliteClient client, Archive archive, HarvestState state, HarvestSink sink,
                         Consumer<String> progress) {

    /** The work of one run; it throws {@link HarvestBlockedException} to stop. */
    public interface Body {
        void run(HarvestReport.Tally tally) throws IOException, InterruptedException, HarvestBlockedException;
    }

    /** Runs {@code body}; a block stops it with the reason saved, a finished run clears an earlier block. */
    public HarvestReport run(Body body) throws IOException, InterruptedException {
        HarvestReport.Tally tally = new HarvestReport.Tally();
        try {
            body.run(tally);
            state.put("blocked", null);
            state.save();
            return tally.report("");
        } catch (HarvestBlockedException e) {
            state.put("blocked", e.getMessage());
            state.save();
            return tally.report(e.getMessage());
        } finally {
            archive.commit();
            sink.finish();
        }
    }
}
