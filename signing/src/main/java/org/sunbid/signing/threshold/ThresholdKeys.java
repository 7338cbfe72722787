package org.sunbid.signing.threshold;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;

/**
 * Splits a secret (a private key's encoding, a PKCS#12 file) k-of-n with Shamir's scheme over GF(256) (Bouncy Castle
 * 1.87's {@code ShamirSecretSplitter}), and rebuilds it from any k shares, checking each share's commitment first.
 */
public final class ThresholdKeys {

    public static final int MAX_SHARES = 16;
    public static final int MAX_SECRET_BYTES = 64 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ThresholdKeys() {
    }

    /** Splits {@code secret} into {@code n} shares of which any {@code k} rebuild it (2 ≤ k ≤ n ≤ 16). */
    public static List<Share> split(byte[] secret, int k, int n) {
        if (k < 2 || n < k || n > MAX_SHARES) {
            throw new IllegalArgumentException("need 2 <= k <= n <= " + MAX_SHARES + ", got k=" + k + ", n=" + n);
        }
        if (secret == null || secret.length == 0 || secret.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException("secret must be 1.." + MAX_SECRET_BYTES + " bytes");
        }
        UUID splitId = UUID.randomUUID();
        ShamirSecretSplitter splitter = new ShamirSecretSplitter(ShamirSecretSplitter.Algorithm.AES,
                ShamirSecretSplitter.Mode.Table, secret.length, RANDOM);
        ShamirSplitSecret split = splitter.resplit(secret.clone(), k, n);
        ShamirSplitSecretShare[] raw = split.getSecretShares();
        List<byte[]> values = new ArrayList<>();
        for (ShamirSplitSecretShare s : raw) {
            try {
                values.add(s.getEncoded());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<byte[]> commitments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            commitments.add(Share.commitment(splitId, i + 1, k, n, values.get(i)));
        }
        byte[] secretCommitment = Share.secretCommitment(splitId, secret);
        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new Share(splitId, i + 1, k, n, values.get(i), commitments, secretCommitment));
        }
        return shares;
    }

    /**
     * Rebuilds the secret. Every share must be intact and from the same split; at least the threshold of distinct
     * shares is needed. Throws {@link ShareException} naming the offending share otherwise.
     */
    public static byte[] combine(Collection<Share> shares) {
        if (shares == null || shares.isEmpty()) {
            throw new ShareException(ShareException.Reason.NOT_ENOUGH_SHARES, "no shares given");
        }
        List<Share> list = new ArrayList<>(shares);
        Share first = list.get(0);
        Map<Integer, Share> byIndex = new HashMap<>();
        for (Share s : list) {
            if (!s.splitId().equals(first.splitId())) {
                throw new ShareException(ShareException.Reason.FROM_ANOTHER_SPLIT,
                        "share #" + s.index() + " is from another split (" + s.splitId() + ", not " + first.splitId() + ")");
            }
            if (!s.intact()) {
                throw new ShareException(ShareException.Reason.CORRUPTED, "share #" + s.index() + " does not match its commitment");
            }
            if (s.threshold() != first.threshold() || s.total() != first.total()
                    || !sameCommitments(s, first)) {
                throw new ShareException(ShareException.Reason.CORRUPTED,
                        "share #" + s.index() + " disagrees with share #" + first.index() + " about the split");
            }
            if (byIndex.put(s.index(), s) != null) {
                throw new ShareException(ShareException.Reason.DUPLICATE_SHARE, "share #" + s.index() + " was given twice");
            }
        }
        if (byIndex.size() < first.threshold()) {
            throw new ShareException(ShareException.Reason.NOT_ENOUGH_SHARES,
                    byIndex.size() + " share(s) given, " + first.threshold() + " needed");
        }
        ShamirSplitSecretShare[] raw = byIndex.values().stream().limit(first.threshold())
                .map(s -> new ShamirSplitSecretShare(s.value(), s.index())).toArray(ShamirSplitSecretShare[]::new);
        byte[] secret;
        try {
            secret = new ShamirSplitSecret(ShamirSecretSplitter.Algorithm.AES, ShamirSecretSplitter.Mode.Table, raw).getSecret();
        } catch (IOException | RuntimeException e) {
            throw new ShareException(ShareException.Reason.CORRUPTED, "shares cannot be combined: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(Share.secretCommitment(first.splitId(), secret), first.secretCommitment())) {
            Arrays.fill(secret, (byte) 0);
            throw new ShareException(ShareException.Reason.REBUILT_SECRET_MISMATCH, "the rebuilt secret does not match the split's commitment");
        }
        return secret;
    }

    private static boolean sameCommitments(Share a, Share b) {
        if (!MessageDigest.isEqual(a.secretCommitment(), b.secretCommitment())) {
            return false;
        }
        for (int i = 0; i < a.total(); i++) {
            if (!MessageDigest.isEqual(a.shareCommitments().get(i), b.shareCommitments().get(i))) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ sealed shares

    /** Seals a share (as JSON) to its custodian's certificate with AES-256-GCM. */
    public static byte[] seal(Share share, X509Certificate custodian) {
        return seal(share, custodian, ContentCipher.AES_256_GCM);
    }

    /** Seals a share (as JSON) to its custodian's certificate (RSA, EC P-256 or SM2) with the given content cipher. */
    public static byte[] seal(Share share, X509Certificate custodian, ContentCipher cipher) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Sealer.seal(new ByteArrayInputStream(share.toJson().getBytes(StandardCharsets.UTF_8)), out, List.of(custodian),
                    cipher);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** Splits and seals share i to custodian i (custodians.size() = n). */
    public static List<byte[]> splitAndSeal(byte[] secret, int k, List<X509Certificate> custodians) {
        List<Share> shares = split(secret, k, custodians.size());
        List<byte[]> sealed = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            sealed.add(seal(shares.get(i), custodians.get(i)));
        }
        return sealed;
    }

    /** Opens a sealed share with the custodian's key, in memory. */
    public static Share open(byte[] sealedShare, SigningKey custodian) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (count + len > 4 * MAX_SECRET_BYTES) {
                    throw new ShareException(ShareException.Reason.MALFORMED, "share too large");
                }
                super.write(b, off, len);
            }
        };
        OpenResult result;
        try {
            result = Opener.openUnverifiedInto(new ByteArrayInputStream(sealedShare), custodian, plain);
        } catch (ShareException e) {
            throw e;
        }
        if (result instanceof OpenResult.Failed f) {
            throw new ShareException(f.failure() == OpenResult.Failure.NOT_A_RECIPIENT || f.failure() == OpenResult.Failure.WRONG_KEY
                    ? ShareException.Reason.NOT_FOR_THIS_CUSTODIAN : ShareException.Reason.MALFORMED,
                    "cannot open the sealed share: " + f.detail());
        }
        byte[] bytes = plain.toByteArray();
        try {
            return Share.fromJson(new String(bytes, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
