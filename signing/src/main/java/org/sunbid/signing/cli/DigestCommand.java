package org.sunbid.signing.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;

import org.sunbid.signing.DigestAlgorithm;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "digest", description = "Print a file's SHA-256 (default) or SM3, as sha256sum does.")
final class DigestCommand implements java.util.concurrent.Callable<Integer> {

    enum Alg { sha256, sm3 }

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true)
    Path in;

    @Option(names = "--alg", defaultValue = "sha256")
    Alg alg;

    @Override
    public Integer call() throws IOException {
        Bidtool.requireFile(in, "input file");
        DigestAlgorithm a = alg == Alg.sm3 ? DigestAlgorithm.SM3 : DigestAlgorithm.SHA256;
        tool.spec.commandLine().getOut().println(HexFormat.of().formatHex(a.digest(in)) + "  " + in);
        return 0;
    }
}
