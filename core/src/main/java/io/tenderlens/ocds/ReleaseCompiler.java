package io.tenderlens.ocds;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * Merges the releases of one ocid into a compiled or a versioned release, as ocds-merge 0.8.0 does.
 * API skeleton: the merge itself lands in the next commit.
 */
public final class ReleaseCompiler {
    private final MergeRules rules;
    private final MergeWarnings warnings;

    public ReleaseCompiler(MergeRules rules, MergeWarnings warnings) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** The compiled release of {@code releasesOfOneOcid} (any order; sorted by date here). */
    public ObjectNode compile(List<ObjectNode> releasesOfOneOcid) {
        throw new UnsupportedOperationException("merge not implemented yet");
    }

    /** The versioned release of {@code releasesOfOneOcid} (any order; sorted by date here). */
    public ObjectNode versioned(List<ObjectNode> releasesOfOneOcid) {
        throw new UnsupportedOperationException("merge not implemented yet");
    }
}
