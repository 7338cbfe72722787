package org.sunbid.signing.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sunbid.signing.merkle.AppendOnlyMerkleTree;
import org.sunbid.signing.merkle.InclusionProof;
import org.sunbid.signing.merkle.TreeHead;

/** Inclusion proofs over a 1M-leaf append-only tree (random leaf, random earlier tree size). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MerkleBenchmark {

    static final int LEAVES = 1 << 20;

    AppendOnlyMerkleTree tree;
    InclusionProof[] proofs = new InclusionProof[1024];
    TreeHead head;
    Random random = new Random(3);

    @Setup
    public void setUp() {
        tree = new AppendOnlyMerkleTree();
        byte[] entry = new byte[64];
        for (int i = 0; i < LEAVES; i++) {
            random.nextBytes(entry);
            tree.append(entry);
        }
        head = tree.treeHead();
        for (int i = 0; i < proofs.length; i++) {
            proofs[i] = tree.inclusionProof(random.nextInt(LEAVES), LEAVES);
        }
    }

    @Benchmark
    public InclusionProof generateInclusionProof() {
        long size = 1 + random.nextInt(LEAVES);
        return tree.inclusionProof((long) (random.nextDouble() * size), size);
    }

    @Benchmark
    public boolean verifyInclusionProof() {
        InclusionProof p = proofs[random.nextInt(proofs.length)];
        return p.verify(p.leafHash(), head);
    }
}
