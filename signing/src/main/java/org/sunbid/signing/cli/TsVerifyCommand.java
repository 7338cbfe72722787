package org.sunbid.signing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.sunbid.signing.timestamp.Timestamp;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampVerifier;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ts-verify", description = "Verify an RFC 3161 time-stamp reply (.tsr) or token over a file or a digest.")
final class TsVerifyCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--token", required = true, description = "the .tsr reply or DER token")
    Path token;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Subject subject;

    static final class Subject {
        @Option(names = "--file", description = "the stamped file")
        Path file;

        @Option(names = "--digest", description = "the stamped digest, hex")
        String digest;
    }

    @Option(names = "--trust", description = "root or TSA certificate the authority must chain to")
    Path trust;

    @Override
    public Integer call() throws IOException {
        byte[] bytes = Bidtool.readSmall(token, "token");
        TimestampCheck first = TimestampVerifier.verifyWithoutTrust(bytes, null);
        if (first instanceof TimestampCheck.Invalid invalid) {
            throw new CliFailure("time-stamp invalid: " + invalid.failure() + ": " + invalid.detail());
        }
        Timestamp unverified = ((TimestampCheck.Valid) first).timestamp();
        byte[] expected;
        if (subject.file != null) {
            Bidtool.requireFile(subject.file, "file");
            expected = unverified.digestAlgorithm().digest(subject.file);
        } else {
            try {
                expected = HexFormat.of().parseHex(subject.digest.trim());
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--digest is not hex");
            }
        }
        TimestampCheck check = trust == null ? TimestampVerifier.verifyWithoutTrust(bytes, expected)
                : TimestampVerifier.verify(bytes, expected, List.of(Bidtool.certificate(trust)));
        if (check instanceof TimestampCheck.Invalid invalid) {
            throw new CliFailure("time-stamp invalid: " + invalid.failure() + ": " + invalid.detail());
        }
        Timestamp ts = ((TimestampCheck.Valid) check).timestamp();
        PrintWriter out = tool.spec.commandLine().getOut();
        out.println("time: " + ts.time());
        out.println("digest: " + ts.digestAlgorithm() + " " + HexFormat.of().formatHex(ts.digest()));
        out.println("authority: " + ts.authority().getSubjectX500Principal().getName());
        out.println("serial: " + ts.serialNumber().toString(16));
        out.println(trust == null ? "trusted: NOT CHECKED (no --trust given)" : "trusted: yes (chains to " + trust + ")");
        return 0;
    }
}
