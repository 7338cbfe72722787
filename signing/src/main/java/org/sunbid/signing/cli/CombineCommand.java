package org.sunbid.signing.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ShareException;
import org.sunbid.signing.threshold.ThresholdKeys;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "combine", description = "Rebuild a split PKCS#12 from k sealed shares, opened with the custodians' keys.")
final class CombineCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--share", required = true, description = "a sealed share file; repeat")
    List<Path> shares;

    @Option(names = "--p12", required = true, description = "a custodian PKCS#12 (same password); repeat")
    List<Path> custodians;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--password-file")
    Path passwordFile;

    @Override
    public Integer call() throws java.io.IOException {
        char[] password = tool.password(passwordFile);
        List<SigningKey> keys = new ArrayList<>();
        for (Path p : custodians) {
            keys.add(org.sunbid.signing.keys.Pkcs12.read(p, password));
        }
        List<Share> opened = new ArrayList<>();
        for (Path file : shares) {
            byte[] sealed = Bidtool.readSmall(file, "share");
            Share share = null;
            ShareException last = null;
            for (SigningKey key : keys) {
                try {
                    share = ThresholdKeys.open(sealed, key);
                    break;
                } catch (ShareException e) {
                    last = e;
                    if (e.reason() != ShareException.Reason.NOT_FOR_THIS_CUSTODIAN) {
                        break;
                    }
                }
            }
            if (share == null) {
                throw new CliFailure(last != null && last.reason() == ShareException.Reason.NOT_FOR_THIS_CUSTODIAN
                        ? "no given --p12 can open share " + file
                        : "share " + file + " is unusable: " + (last == null ? "unknown" : last.getMessage()));
            }
            opened.add(share);
        }
        byte[] secret;
        try {
            secret = ThresholdKeys.combine(opened);
        } catch (ShareException e) {
            throw new CliFailure("cannot combine: " + e.getMessage() + " [" + e.reason() + "]");
        }
        try {
            Files2.writeAtomically(out, o -> o.write(secret));
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
        tool.spec.commandLine().getOut().println("rebuilt " + out + " from " + opened.size() + " shares");
        return 0;
    }
}
