package org.sunbid.signing.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.Sealer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "seal", description = "Encrypt a file to one or more recipient certificates (CMS AuthEnvelopedData AES-256-GCM; --cbc for EnvelopedData AES-256-CBC).")
final class SealCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true)
    Path in;

    @Option(names = "--recipient", required = true, description = "a recipient certificate (PEM or DER); repeat for more")
    List<Path> recipients;

    @Option(names = "--cbc", description = "AES-256-CBC EnvelopedData instead of AES-256-GCM")
    boolean cbc;

    @Option(names = "--sm4", description = "SM4-CBC EnvelopedData (GM profile)")
    boolean sm4;

    @Option(names = "--out", required = true)
    Path out;

    @Override
    public Integer call() throws IOException {
        Bidtool.requireFile(in, "input file");
        if (cbc && sm4) {
            throw new CliFailure(2, "--cbc and --sm4 exclude each other");
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (Path r : recipients) {
            certs.add(Bidtool.certificate(r));
        }
        ContentCipher cipher = sm4 ? ContentCipher.SM4_CBC : cbc ? ContentCipher.AES_256_CBC : ContentCipher.AES_256_GCM;
        Sealer.seal(in, out, certs, cipher);
        tool.spec.commandLine().getOut().println("sealed " + in + " -> " + out + " for " + certs.size() + " recipient(s), " + cipher);
        return 0;
    }
}
