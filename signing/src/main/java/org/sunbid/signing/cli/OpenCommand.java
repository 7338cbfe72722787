package org.sunbid.signing.cli;

import java.nio.file.Path;

import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentKeyException;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "open", description = "Decrypt a sealed file with a recipient's PKCS#12; the output appears only if it decrypts intact.")
final class OpenCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true)
    Path in;

    @Option(names = "--p12", required = true)
    Path p12;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--password-file")
    Path passwordFile;

    @Option(names = "--export-cek", description = "Also write the content-encryption key (Base64) that this key unwraps, "
            + "for the platform's self-decryption check (开标自行解密). Keep it private until you upload it.")
    Path exportCek;

    @Override
    public Integer call() {
        Bidtool.requireFile(in, "sealed file");
        SigningKey key = tool.key(p12, passwordFile);
        OpenResult result = Opener.open(in, key, out);
        if (result instanceof OpenResult.Failed f) {
            throw new CliFailure(switch (f.failure()) {
                case NOT_A_RECIPIENT -> "this key is not a recipient of " + in;
                case WRONG_KEY -> "cannot unwrap the content key of " + in + " with this key";
                case TAMPERED -> in + " was altered: " + f.detail();
                case UNSUPPORTED_ALGORITHM -> "unsupported algorithm in " + in + ": " + f.detail();
                case MALFORMED -> in + " is not a sealed file (" + f.detail() + ")";
                case IO_ERROR -> "I/O error: " + f.detail();
            });
        }
        OpenResult.Opened o = (OpenResult.Opened) result;
        if (exportCek != null) {
            byte[] cek;
            try {
                cek = Opener.recoverContentKey(in, key);
            } catch (ContentKeyException e) {
                throw new CliFailure("cannot recover the content key of " + in + ": " + e.getMessage());
            }
            try {
                java.nio.file.Files.writeString(exportCek, java.util.Base64.getEncoder().encodeToString(cek) + "\n");
            } catch (java.io.IOException e) {
                throw new CliFailure("cannot write " + exportCek + ": " + e.getMessage());
            } finally {
                java.util.Arrays.fill(cek, (byte) 0);
            }
            tool.spec.commandLine().getOut().println("content key written to " + exportCek);
        }
        tool.spec.commandLine().getOut().println("opened " + in + " -> " + out + " (" + o.bytes() + " bytes, " + o.cipher() + ")");
        return 0;
    }
}
