package io.tenderlens.archive;

import static io.tenderlens.archive.MerkleTree.hex;
import static io.tenderlens.archive.MerkleTree.unhex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks the tree against the published Certificate Transparency test vectors (the 8-leaf tree of the CT
 * reference implementation and transparency-dev/merkle, and its golden roots of larger trees), then checks
 * generated proofs against the verifiers on many sizes, and that tampering is rejected.
 */
class MerkleTreeTest {
    /** The leaf inputs of the reference 8-leaf test tree. */
    static final String[] LEAF_INPUTS = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    /** MTH of the first n leaves, n = 0..8. */
    static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static List<byte[]> referenceLeaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String input : LEAF_INPUTS) {
            leaves.add(MerkleTree.leafHash(unhex(input)));
        }
        return leaves;
    }

    static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(MerkleTree::hex).toList();
    }

    @Test
    void hashesLeavesAndNodesWithDomainSeparation() {
        assertThat(hex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(MerkleTree.leafHash("L123456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(hex(MerkleTree.nodeHash("N123".getBytes(StandardCharsets.US_ASCII), "N456".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void rootsOfTheReferenceTreeAtEverySize() {
        List<byte[]> leaves = referenceLeaves();
        for (int n = 0; n <= 8; n++) {
            assertThat(hex(MerkleTree.root(leaves, n))).as("root of %d leaves", n).isEqualTo(ROOTS[n]);
        }
    }

    @ParameterizedTest(name = "golden root of {0} two-byte leaves")
    @CsvSource({
            "10, VjWMPSYNtCuCNlF/RLnQy6HcwSk6CIipfxm+hettA+4=",
            "15, j4SulYmocFuxdeyp12xXCIgK6PekBcxzAIj4zbQzNEI=",
            "16, c+4Uc6BCMOZf/v3NZK1kqTUJe+bBoFtOhP+P3SayKRE=",
            "100, dUh9hYH88p0CMoHkdr1wC2szbhcLAXOejWpINIooKUY=",
            "255, SmdsuKUqiod3RX2jyF2M6JnbdE4QuTwwipfAowI4/i0=",
            "1000, RXrgb8xHd55Y48FbfotJwCbV82Kx22LZfEbmBGAvwlQ=",
            "4095, cWRFdQhPcjn9WyBXE/r1f04ejxIm5lvg40DEpRBVS0w=",
            "10000, VZcav65F9haHVRk3wre2axFoBXRNeUh/1d9d5FQfxIg=",
            "65535, iPuVYJhP6SEE4gUFp8qbafd2rYv9YTCDYqAxCj8HdLM="})
    void goldenRootsOfLargerTrees(int size, String base64Root) {
        // leaf i holds the two bytes i & 0xff, (i >> 8) & 0xff (transparency-dev compact range golden test)
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        assertThat(MerkleTree.root(leaves)).isEqualTo(Base64.getDecoder().decode(base64Root));
    }

    @ParameterizedTest(name = "inclusion proof of leaf {0} in {1}")
    @CsvSource(delimiter = '|', value = {
            "0|1|",
            "0|2|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "1|2|6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "2|3|fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "1|5|6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "0|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "5|8|bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void referenceInclusionProofs(int index, int size, String expected) {
        List<byte[]> leaves = referenceLeaves();
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
        assertThat(String.join(" ", hexes(proof))).isEqualTo(expected == null ? "" : expected);
        assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, unhex(ROOTS[size]))).isTrue();
    }

    @ParameterizedTest(name = "consistency proof {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1|1|",
            "1|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "6|8|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "2|5|5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})
    void referenceConsistencyProofs(int oldSize, int newSize, String expected) {
        List<byte[]> leaves = referenceLeaves();
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, oldSize, newSize);
        assertThat(String.join(" ", hexes(proof))).isEqualTo(expected == null ? "" : expected);
        assertThat(MerkleTree.verifyConsistency(oldSize, newSize, unhex(ROOTS[oldSize]), unhex(ROOTS[newSize]), proof)).isTrue();
    }

    @Test
    void everyGeneratedProofVerifiesAndEveryTamperingIsRejected() {
        Random random = new Random(9162);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            leaves.add(MerkleTree.leafHash(data));
        }
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(leaves, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root)).isTrue();
                assertThat(MerkleTree.verifyInclusion(size, size, leaves.get(index), proof, root)).isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size * 2L + 2, leaves.get(index), proof, root)).isFalse();
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion((index + 1) % size, size, leaves.get(index), proof, root)).isFalse();
                }
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(proof);
                    byte[] bad = proof.get(i).clone();
                    bad[0] ^= 8;
                    flipped.set(i, bad);
                    assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), flipped, root)).isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof.subList(0, proof.size() - 1), root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), longer, root)).isFalse();
            }
            for (int old = 1; old <= size; old++) {
                byte[] oldRoot = MerkleTree.root(leaves, old);
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, old, size);
                assertThat(MerkleTree.verifyConsistency(old, size, oldRoot, root, proof)).as("%d -> %d", old, size).isTrue();
                if (old < size) {
                    byte[] forged = oldRoot.clone();
                    forged[5] ^= 1;
                    assertThat(MerkleTree.verifyConsistency(old, size, forged, root, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(old, size, oldRoot, MerkleTree.root(leaves, old), proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(old, size, oldRoot, root, proof.subList(1, proof.size()))).isFalse();
                }
            }
        }
    }

    @Test
    void proofSizesGrowLogarithmically() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            leaves.add(MerkleTree.leafHash(Integer.toString(i).getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(MerkleTree.inclusionProof(leaves, 777, 1000)).hasSize(10);
        assertThat(MerkleTree.inclusionProof(leaves, 54_321, 100_000)).hasSizeBetween(16, 17);
        assertThat(MerkleTree.consistencyProof(leaves, 1000, 100_000).size()).isLessThanOrEqualTo(2 * 17);
    }

    @Test
    void compactRangeGivesTheTreeRootAfterEveryAppend() {
        List<byte[]> leaves = new ArrayList<>();
        CompactRange range = new CompactRange();
        assertThat(hex(range.root())).isEqualTo(ROOTS[0]);
        for (int n = 1; n <= 300; n++) {
            byte[] leaf = MerkleTree.leafHash(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
            leaves.add(leaf);
            range.append(leaf);
            assertThat(range.root()).as("size %d", n).isEqualTo(MerkleTree.root(leaves));
        }
        CompactRange reference = new CompactRange();
        referenceLeaves().forEach(reference::append);
        assertThat(hex(reference.root())).isEqualTo(ROOTS[8]);
    }
}
