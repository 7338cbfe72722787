package org.sunbid.signing.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import org.sunbid.signing.merkle.ConsistencyProof;
import org.sunbid.signing.merkle.InclusionProof;
import org.sunbid.signing.merkle.ProofFormatException;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "proof-verify", description = "Verify an RFC 9162 inclusion or consistency proof (JSON) offline.")
final class ProofVerifyCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--inclusion", description = "an inclusion proof JSON file")
        Path inclusion;

        @Option(names = "--consistency", description = "a consistency proof JSON file")
        Path consistency;
    }

    @Option(names = "--root", description = "the trusted root hash (hex) the proof must lead to (the later root for consistency)")
    String root;

    @Override
    public Integer call() {
        Path file = which.inclusion != null ? which.inclusion : which.consistency;
        String json = new String(Bidtool.readSmall(file, "proof"), StandardCharsets.UTF_8);
        try {
            if (which.inclusion != null) {
                InclusionProof proof = InclusionProof.fromJson(json);
                checkRoot(proof.rootHash());
                if (!proof.verify()) {
                    throw new CliFailure("inclusion proof INVALID: the path does not lead from the leaf to the root");
                }
                tool.spec.commandLine().getOut().println("inclusion proof OK: leaf " + proof.leafIndex() + " (" + hex(proof.leafHash())
                        + ") is in the tree of size " + proof.treeSize() + " with root " + hex(proof.rootHash()));
            } else {
                ConsistencyProof proof = ConsistencyProof.fromJson(json);
                checkRoot(proof.secondRoot());
                if (!proof.verify()) {
                    throw new CliFailure("consistency proof INVALID: tree " + proof.firstSize() + " is not proven a prefix of tree "
                            + proof.secondSize());
                }
                tool.spec.commandLine().getOut().println("consistency proof OK: tree " + proof.firstSize() + " (" + hex(proof.firstRoot())
                        + ") is a prefix of tree " + proof.secondSize() + " (" + hex(proof.secondRoot()) + ")");
            }
        } catch (ProofFormatException e) {
            throw new CliFailure("not a valid proof file " + file + ": " + e.getMessage());
        }
        return 0;
    }

    private void checkRoot(byte[] claimed) {
        if (root != null && !HexFormat.of().formatHex(claimed).equalsIgnoreCase(root.trim())) {
            throw new CliFailure("proof is for another tree: root " + hex(claimed) + " is not the trusted root " + root.trim());
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
