package org.sunbid.signing.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfSigningException;
import org.sunbid.signing.pdf.TimestampSource;
import org.sunbid.signing.timestamp.TimestampCheck;
import org.sunbid.signing.timestamp.TimestampRequests;
import org.sunbid.signing.timestamp.TimestampVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "pdf-sign", description = "Sign a PDF with PAdES (B-T with --tsa, else B-B) and a visible red seal.")
final class PdfSignCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--in", required = true)
    Path in;

    @Option(names = "--p12", required = true, description = "the signer's PKCS#12")
    Path p12;

    @Option(names = "--tsa", description = "URL of an RFC 3161 time-stamp authority (application/timestamp-query)")
    URI tsa;

    @Option(names = "--seal-text", description = "text along the seal's ring (default: the signer's organisation)")
    String sealText;

    @Option(names = "--reason", defaultValue = "电子签章", description = "reason shown and recorded")
    String reason;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--password-file")
    Path passwordFile;

    @Override
    public Integer call() throws IOException {
        Bidtool.requireFile(in, "input file");
        SigningKey key = tool.key(p12, passwordFile);
        String subject = key.certificate().getSubjectX500Principal().getName();
        String name = attribute(subject, "CN");
        String organisation = sealText != null ? sealText : attribute(subject, "O");
        TimestampSource timestamps = tsa == null ? null : remote(tsa);
        try {
            Files2.writeAtomically(out, target -> PadesSigner.sign(in, target, key, timestamps,
                    PadesSigner.Appearance.lastPage(organisation, name, reason), Instant.now()));
        } catch (PdfSigningException e) {
            throw new CliFailure(e.getMessage());
        }
        tool.spec.commandLine().getOut().println("signed " + in + " -> " + out + (tsa == null ? " (PAdES B-B)" : " (PAdES B-T)"));
        return 0;
    }

    static String attribute(String dn, String name) {
        for (String part : dn.split(",")) {
            String p = part.strip();
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return dn;
    }

    /** Asks a TSA over HTTP and checks that the token it returns is over our digest. */
    static TimestampSource remote(URI url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return digest -> {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(TimestampRequests.create(DigestAlgorithm.SHA256, digest)))
                    .build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while asking the TSA");
            }
            if (response.statusCode() != 200) {
                throw new CliFailure("the TSA answered HTTP " + response.statusCode());
            }
            TimestampCheck check = TimestampVerifier.verifyWithoutTrust(response.body(), digest);
            if (check instanceof TimestampCheck.Invalid invalid) {
                throw new CliFailure("the TSA's answer is not a valid time-stamp: " + invalid.detail());
            }
            return ((TimestampCheck.Valid) check).timestamp().token();
        };
    }
}
