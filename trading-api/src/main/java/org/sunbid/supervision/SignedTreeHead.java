package org.sunbid.supervision;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tree head signed by the platform document signer. {@link #signedText()} is what the signature covers: the
 * canonical JSON {@code {"log":"sunbid-supervision","rootHash":"<hex>","timestamp":"<ISO-8601>","treeSize":N}}.
 *
 * @param treeSize       number of entries covered
 * @param rootHash       RFC 9162 root hash, hex
 * @param timestamp      when the platform signed it
 * @param signature      ECDSA P-256 / SHA-256 signature (DER), Base64
 * @param signatureAlgorithm JCA name of the signature algorithm
 * @param certificate    the signer's X.509 certificate (DER), Base64; it chains to the platform root
 * @param timestampToken RFC 3161 timestamp token over the signed text (DER, Base64), or null when none was obtained
 */
public record SignedTreeHead(long treeSize, String rootHash, Instant timestamp, String signature,
        String signatureAlgorithm, String certificate, String timestampToken) {

    public static final String LOG_ID = "sunbid-supervision";

    public String signedText() {
        return signedText(treeSize, rootHash, timestamp);
    }

    public static String signedText(long treeSize, String rootHashHex, Instant timestamp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("log", LOG_ID);
        m.put("treeSize", treeSize);
        m.put("rootHash", rootHashHex);
        m.put("timestamp", timestamp.toString());
        return CanonicalJson.write(m);
    }

    public byte[] rootHashBytes() {
        return HexFormat.of().parseHex(rootHash);
    }

    public byte[] signatureBytes() {
        return Base64.getDecoder().decode(signature);
    }
}
