package io.tenderlens.archive;

import java.util.List;

/** The outcome of verifying an archive: each problem names the file, log entry or tree head at fault. */
public record VerificationReport(int objects, long bytes, int treeHeads, List<String> problems, List<String> facts) {
    public boolean ok() {
        return problems.isEmpty();
    }
}
