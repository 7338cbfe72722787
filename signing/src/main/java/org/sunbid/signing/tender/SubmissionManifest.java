package org.sunbid.signing.tender;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.internal.Json;
import org.sunbid.signing.keys.SigningKey;

/**
 * The signed submission manifest that completes an upload: a CMS SignedData (content attached), base64, over the JSON
 * {@code {"lot","sha256","size","clientTime","fingerprint"}} of the sealed tender, signed with the bidder's key.
 */
public final class SubmissionManifest {

    private SubmissionManifest() {
    }

    /** Hashes {@code sealedTender} and signs its manifest; returns the base64 the upload's completion takes. */
    public static String sign(String lot, Path sealedTender, SigningKey bidder, Instant clientTime,
            Map<String, Object> fingerprint) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("lot", lot.toLowerCase());
        manifest.put("sha256", HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(sealedTender)));
        manifest.put("size", Files.size(sealedTender));
        manifest.put("clientTime", clientTime.toString());
        manifest.put("fingerprint", new LinkedHashMap<>(fingerprint));
        byte[] signed = new CmsSigner(bidder).sign(Json.write(manifest).getBytes(StandardCharsets.UTF_8), false);
        return Base64.getEncoder().encodeToString(signed);
    }
}
