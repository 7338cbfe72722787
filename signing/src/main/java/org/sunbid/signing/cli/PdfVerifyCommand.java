package org.sunbid.signing.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.sunbid.signing.pdf.PdfSignatureReport;
import org.sunbid.signing.pdf.PdfSignatureVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pdf-verify", description = "Check every signature of a PDF: one line per signature (signer, time, valid or the reason).")
final class PdfVerifyCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true)
    Path in;

    @Option(names = "--trust", description = "root certificate the signers must chain to")
    Path trust;

    @Override
    public Integer call() {
        Bidtool.requireFile(in, "input file");
        List<PdfSignatureReport> reports;
        try {
            reports = PdfSignatureVerifier.verify(in, trust == null ? List.of() : List.of(Bidtool.certificate(trust)),
                    PdfSignatureVerifier.Limits.DEFAULT);
        } catch (PdfSignatureVerifier.UnreadablePdfException e) {
            throw new CliFailure(e.getMessage());
        }
        if (reports.isEmpty()) {
            throw new CliFailure("the PDF has no signatures");
        }
        PrintWriter out = tool.spec.commandLine().getOut();
        boolean allValid = true;
        for (PdfSignatureReport r : reports) {
            String time = r.timestampTime() != null ? r.timestampTime() + " (timestamp)"
                    : r.claimedTime() != null ? r.claimedTime() + " (claimed)" : "no time";
            out.println(r.field() + ": " + r.signer() + ", " + time + ", "
                    + (r.valid() ? "VALID" : "INVALID: " + String.join("; ", r.problems()))
                    + (r.coversWholeDocument() ? "" : " [later revisions follow]"));
            allValid &= r.valid();
        }
        if (trust == null) {
            out.println("note: certificate chains not checked (no --trust given)");
        }
        return allValid ? 0 : 3;
    }
}
