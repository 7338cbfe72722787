package org.sunbid.signing.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.sunbid.signing.archive.ArchiveVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "archive-verify", description = "Check an archive package offline: manifest signature, timestamp, every document's hash.")
final class ArchiveVerifyCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Parameters(index = "0", paramLabel = "PACKAGE.zip")
    Path zip;

    @Option(names = "--trust", description = "the trading centre's published root certificate (default: the package's own, with a warning)")
    Path trust;

    @Override
    public Integer call() {
        Bidtool.requireFile(zip, "package");
        ArchiveVerifier.Report report;
        try {
            report = ArchiveVerifier.verify(zip, trust == null ? List.of() : List.of(Bidtool.certificate(trust)));
        } catch (ArchiveVerifier.UnreadableArchiveException e) {
            throw new CliFailure(e.getMessage());
        }
        PrintWriter out = tool.spec.commandLine().getOut();
        out.println("project: " + report.project());
        out.println("signed by: " + report.signer());
        out.println("timestamp: " + report.timestamp());
        out.println("documents: " + report.documents());
        report.notes().forEach(n -> out.println("note: " + n));
        if (report.valid()) {
            out.println("VALID");
            return 0;
        }
        report.badPaths().forEach(p -> out.println("BAD: " + p));
        throw new CliFailure(3, "package invalid: " + String.join("; ", report.problems()));
    }
}
