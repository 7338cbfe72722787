package org.sunbid.signing.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.threshold.ThresholdKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "split", description = "Split a PKCS#12 file k-of-n; share i is sealed to the i-th --recipient and written as DIR/share-i.sealed.")
final class SplitCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true, description = "the PKCS#12 key file to split")
    Path in;

    @Option(names = "-k", required = true, description = "shares needed to rebuild (2..n)")
    int k;

    @Option(names = "-n", required = true, description = "shares made (k..16), one per --recipient")
    int n;

    @Option(names = "--recipient", required = true, description = "a custodian certificate; exactly n of them, in order")
    List<Path> recipients;

    @Option(names = "--out-dir", required = true)
    Path outDir;

    @Override
    public Integer call() throws IOException {
        if (k < 2 || n < k || n > ThresholdKeys.MAX_SHARES) {
            throw new CliFailure(2, "need 2 <= k <= n <= " + ThresholdKeys.MAX_SHARES + " (got -k " + k + " -n " + n + ")");
        }
        if (recipients.size() != n) {
            throw new CliFailure(2, "-n " + n + " needs exactly " + n + " --recipient certificates, got " + recipients.size());
        }
        byte[] secret = Bidtool.readSmall(in, "key");
        if (secret.length == 0) {
            throw new CliFailure("key file is empty: " + in);
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Path r : recipients) {
            certs.add(Bidtool.certificate(r));
        }
        List<byte[]> sealed = ThresholdKeys.splitAndSeal(secret, k, certs);
        java.util.Arrays.fill(secret, (byte) 0);
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        try {
            for (int i = 0; i < sealed.size(); i++) {
                Path file = outDir.resolve("share-" + (i + 1) + ".sealed");
                byte[] bytes = sealed.get(i);
                Files2.writeAtomically(file, o -> o.write(bytes));
                written.add(file);
            }
        } catch (IOException e) {
            for (Path p : written) {
                Files.deleteIfExists(p);
            }
            throw e;
        }
        tool.spec.commandLine().getOut().println("split " + in + " " + k + "-of-" + n + " into " + outDir + "/share-1.sealed .. share-" + n + ".sealed");
        return 0;
    }
}
