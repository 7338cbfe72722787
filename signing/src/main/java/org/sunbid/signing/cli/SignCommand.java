package org.sunbid.signing.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.keys.SigningKey;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sign", description = "Sign a file as CMS SignedData (DER), content attached unless --detached.")
final class SignCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true)
    Path in;

    @Option(names = "--p12", required = true, description = "the signer's PKCS#12")
    Path p12;

    @Option(names = "--detached", description = "leave the content out of the signature")
    boolean detached;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--password-file")
    Path passwordFile;

    @Override
    public Integer call() throws IOException {
        Bidtool.requireFile(in, "input file");
        SigningKey key = tool.key(p12, passwordFile);
        new CmsSigner(key).sign(in, out, detached);
        tool.spec.commandLine().getOut().println("signed " + in + " -> " + out + (detached ? " (detached)" : ""));
        return 0;
    }
}
