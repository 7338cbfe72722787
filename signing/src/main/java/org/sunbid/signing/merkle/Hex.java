package org.sunbid.signing.merkle;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] decodeHash(String hex, String field) {
        if (hex.length() != MerkleTree.HASH_LENGTH * 2) {
            throw new ProofFormatException("'" + field + "' must be 64 hex characters");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException("'" + field + "' is not hex");
        }
    }
}
