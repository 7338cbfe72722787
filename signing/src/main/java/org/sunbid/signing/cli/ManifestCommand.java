package org.sunbid.signing.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.tender.MachineFingerprint;
import org.sunbid.signing.tender.SubmissionManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Writes the signed submission manifest (lot, SHA-256, size, client time, fingerprint) that completes an upload. */
@Command(name = "manifest", description = "Sign the submission manifest of a sealed tender (base64 CMS, ready to upload).")
final class ManifestCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--lot", required = true)
    String lot;

    @Option(names = "--in", required = true, description = "the sealed tender")
    Path in;

    @Option(names = "--p12", required = true, description = "the bidder's PKCS#12")
    Path p12;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--password-file")
    Path passwordFile;

    @Override
    public Integer call() throws IOException {
        Bidtool.requireFile(in, "sealed tender");
        String base64 = SubmissionManifest.sign(lot, in, tool.key(p12, passwordFile), Instant.now(),
                MachineFingerprint.collect());
        Files2.writeAtomically(out, target -> target.write(base64.getBytes(StandardCharsets.US_ASCII)));
        tool.spec.commandLine().getOut().println("manifest " + out + " for " + in);
        return 0;
    }
}
