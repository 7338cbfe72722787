package org.sunbid.signing.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.threshold.SessionRelease;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ShareException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "release", description = "Release a custodian's share to an opening session without it ever leaving this "
        + "machine in clear: check the session key the platform published (GET /api/openings/{p}/{l}/session-key, saved "
        + "as JSON) against the platform root, seal the share to it and sign the sealed bytes. Writes the JSON to POST to "
        + "/api/openings/{p}/{l}/shares.")
final class ReleaseCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--share", required = true, description = "the share as bidtool open wrote it (share.json)")
    Path share;

    @Option(names = "--session", required = true, description = "the session key as the platform answered it (JSON)")
    Path session;

    @Option(names = "--root", required = true, description = "the platform root certificate you hold (PEM/DER)")
    Path root;

    @Option(names = "--lot", required = true, description = "the lot whose opening you release to")
    UUID lot;

    @Option(names = "--p12", required = true, description = "the custodian's PKCS#12 (the certificate it bound)")
    Path p12;

    @Option(names = "--password-file")
    Path passwordFile;

    @Option(names = "--out", required = true, description = "the release to POST (JSON)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Share opened;
        try {
            opened = Share.fromJson(new String(Bidtool.readSmall(share, "share"), StandardCharsets.UTF_8).strip());
        } catch (ShareException | IllegalArgumentException e) {
            throw new CliFailure("not a Sunbid share: " + share + " (" + e.getMessage() + ")");
        }
        Map<String, Object> published;
        try {
            published = Json.readObject(new String(Bidtool.readSmall(session, "session key"), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new CliFailure("not a session key answer: " + session + " (" + e.getMessage() + ")");
        }
        X509Certificate certificate;
        UUID keyId;
        String binding;
        byte[] bindingSignature;
        try {
            certificate = Certificates.parse(Json.string(published, "certificate").getBytes(StandardCharsets.US_ASCII));
            keyId = UUID.fromString(Json.string(published, "keyId"));
            binding = Json.string(published, "binding");
            bindingSignature = Base64.getMimeDecoder().decode(Json.string(published, "bindingSignature"));
        } catch (RuntimeException e) {
            throw new CliFailure("not a session key answer: " + session + " (" + e.getMessage() + ")");
        }
        try {
            SessionRelease.check(lot, keyId, certificate, binding, bindingSignature, Bidtool.certificate(root), Instant.now());
        } catch (SessionRelease.SessionKeyRefused e) {
            throw new CliFailure("session key refused, nothing sealed: " + e.getMessage());
        }
        SigningKey key = tool.key(p12, passwordFile);
        SessionRelease.Sealed sealed = SessionRelease.seal(opened, certificate, key);
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("keyId", keyId.toString());
        release.put("index", (long) opened.index());
        release.put("sealedShare", Base64.getEncoder().encodeToString(sealed.envelope()));
        release.put("signature", Base64.getEncoder().encodeToString(sealed.signature()));
        Files.writeString(out, Json.write(release) + "\n", StandardCharsets.UTF_8);
        tool.spec.commandLine().getOut().println("share " + opened.index() + " sealed to session key " + keyId + " -> " + out);
        return 0;
    }
}
