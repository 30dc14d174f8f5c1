package io.tenderlens.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The level-built tree gives the same roots and audit paths as the recursive RFC 9162 definition, for every size. */
class MerkleLevelsTest {
    @Test
    void sameRootsAndAuditPathsAsTheRecursiveDefinition() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 0; n <= 70; n++) {
            MerkleLevels levels = new MerkleLevels(leaves);
            assertThat(MerkleTree.hex(levels.root())).as("root of %d leaves", n).isEqualTo(MerkleTree.hex(MerkleTree.root(leaves)));
            for (int i = 0; i < n; i++) {
                assertThat(levels.inclusionProof(i)).as("path of leaf %d of %d", i, n)
                        .usingElementComparator((a, b) -> MerkleTree.hex(a).compareTo(MerkleTree.hex(b)))
                        .containsExactlyElementsOf(MerkleTree.inclusionProof(leaves, i, n));
                assertThat(MerkleTree.verifyInclusion(i, n, leaves.get(i), levels.inclusionProof(i), levels.root())).isTrue();
            }
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) n, 7}));
        }
    }

    @Test
    void theReferenceTreeRoots() {
        List<byte[]> leaves = MerkleTreeTest.referenceLeaves();
        for (int n = 0; n <= leaves.size(); n++) {
            assertThat(MerkleTree.hex(new MerkleLevels(leaves.subList(0, n)).root())).isEqualTo(MerkleTreeTest.ROOTS[n]);
        }
    }

    @Test
    void refusesALeafOutsideTheTree() {
        MerkleLevels levels = new MerkleLevels(MerkleTreeTest.referenceLeaves());
        assertThatThrownBy(() -> levels.inclusionProof(8)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> levels.inclusionProof(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
