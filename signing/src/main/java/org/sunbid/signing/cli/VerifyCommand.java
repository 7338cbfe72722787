package org.sunbid.signing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", description = "Verify a CMS signature; prints the signer's subject and the content's SHA-256.")
final class VerifyCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true, description = "the .p7s signature")
    Path in;

    @Option(names = "--content", description = "the signed file, for a detached signature")
    Path content;

    @Option(names = "--trust", description = "a CA certificate the signer must chain to")
    Path trust;

    @Override
    public Integer call() throws IOException {
        Bidtool.requireFile(in, "signature file");
        if (content != null) {
            Bidtool.requireFile(content, "content file");
        }
        VerifyOptions options = trust == null ? VerifyOptions.signatureOnly()
                : VerifyOptions.trusting(List.of(Bidtool.certificate(trust)));
        SignatureCheck check = CmsVerifier.verify(in, content, options);
        if (check instanceof SignatureCheck.Invalid invalid) {
            throw new CliFailure(switch (invalid.failure()) {
                case BAD_SIGNATURE -> "BAD SIGNATURE: " + invalid.detail();
                case CONTENT_MISMATCH -> "CONTENT MISMATCH: the content is not what was signed";
                case UNKNOWN_OR_UNTRUSTED_SIGNER -> "UNTRUSTED SIGNER: " + invalid.detail();
                case CERT_EXPIRED_AT_SIGNING -> "CERTIFICATE NOT VALID AT SIGNING: " + invalid.detail();
                case UNSUPPORTED_ALGORITHM -> "UNSUPPORTED ALGORITHM: " + invalid.detail();
                case MALFORMED -> "MALFORMED SIGNATURE: " + invalid.detail();
            });
        }
        SignatureCheck.Valid valid = (SignatureCheck.Valid) check;
        PrintWriter out = tool.spec.commandLine().getOut();
        out.println("signer: " + valid.signer().getSubjectX500Principal().getName());
        out.println("sha256: " + valid.contentSha256Hex());
        out.println("signing-time: " + (valid.signingTime() == null ? "-" : valid.signingTime()));
        out.println("scheme: " + valid.scheme());
        out.println(valid.trusted() ? "trusted: yes (chains to " + trust + ")" : "trusted: NOT CHECKED (no --trust given)");
        return 0;
    }
}
