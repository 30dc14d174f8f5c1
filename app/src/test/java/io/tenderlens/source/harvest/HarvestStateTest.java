package io.tenderlens.source.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved state of a harvest job: notices journaled a line each between saves, folded in by a save. */
class HarvestStateTest {
    @TempDir Path data;

    @Test
    void noticesSavedQuicklySurviveAKillAndASaveFoldsThemIn() throws Exception {
        HarvestState state = HarvestState.load(data, "ccgp", "job A");
        state.pageDone("w", 1);
        state.save();
        state.noticeArchived("http://www.ccgp.gov.cn/a.htm", "aa".repeat(32));
        state.saveQuickly();
        long stateBytes = Files.size(state.file());
        state.noticeArchived("http://www.ccgp.gov.cn/b\n\"c.htm", "bb".repeat(32)); // URLs are data: quoted, one line
        state.saveQuickly();
        assertThat(Files.size(state.file())).as("a quick save appends to the journal, the state file is untouched").isEqualTo(stateBytes);

        // "killed" here: a new process loads the file and the journal
        HarvestState reloaded = HarvestState.load(data, "ccgp", "job A");
        assertThat(reloaded.notices()).containsOnlyKeys("http://www.ccgp.gov.cn/a.htm", "http://www.ccgp.gov.cn/b\n\"c.htm");
        assertThat(reloaded.pagesDone("w")).isEqualTo(1);

        reloaded.save();
        Path journal = reloaded.file().resolveSibling(reloaded.file().getFileName() + ".notices.jsonl");
        assertThat(journal).doesNotExist();
        assertThat(HarvestState.load(data, "ccgp", "job A").notices()).hasSize(2);
    }

    @Test
    void aJournalLineCutShortByAKillIsIgnored() throws Exception {
        HarvestState state = HarvestState.load(data, "ccgp", "job B");
        state.noticeArchived("http://x/1", "11".repeat(32));
        state.saveQuickly();
        Path journal = state.file().resolveSibling(state.file().getFileName() + ".notices.jsonl");
        Files.writeString(journal, "{\"url\":\"http://x/2\",\"sha2", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(HarvestState.load(data, "ccgp", "job B").notices()).containsOnlyKeys("http://x/1");
    }
}
