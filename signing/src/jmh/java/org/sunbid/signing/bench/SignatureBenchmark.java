package org.sunbid.signing.bench;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.KeyPairs;

/**
 * Sign and verify a 32-byte digest-sized message with the providers our CMS code uses (JDK for RSA, Bouncy Castle for
 * ECDSA and SM2). Verification rotates through 256 keys, each re-decoded from its encoding every time, because BC
 * caches per-key precomputation and real bidders' keys arrive fresh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

    static final int KEYS = 256;

    @Param({ "RSA", "EC_P256", "SM2" })
    public String algorithm;

    byte[] message = new byte[32];
    KeyPair signer;
    byte[][] publicKeys = new byte[KEYS][];
    byte[][] signatures = new byte[KEYS][];
    String jcaName;
    java.security.Provider provider;
    KeyFactory keyFactory;
    int next;

    @Setup
    public void setUp() throws Exception {
        KeyAlgorithm alg = KeyAlgorithm.valueOf(algorithm);
        jcaName = switch (alg) {
            case RSA -> "SHA256withRSA";
            case EC_P256 -> "SHA256withECDSA";
            case SM2 -> "SM3withSM2";
        };
        provider = alg == KeyAlgorithm.RSA ? Signature.getInstance(jcaName).getProvider() : Certificates.provider();
        keyFactory = alg == KeyAlgorithm.RSA ? KeyFactory.getInstance("RSA") : KeyFactory.getInstance("EC", Certificates.provider());
        int keys = alg == KeyAlgorithm.RSA ? 16 : KEYS; // RSA key generation is slow; RSA verify has no per-key cache
        publicKeys = new byte[keys][];
        signatures = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            KeyPair pair = KeyPairs.generate(alg);
            Signature s = Signature.getInstance(jcaName, provider);
            s.initSign(pair.getPrivate());
            s.update(message);
            signatures[i] = s.sign();
            publicKeys[i] = pair.getPublic().getEncoded();
            signer = pair;
        }
    }

    @Benchmark
    public byte[] sign() throws Exception {
        Signature s = Signature.getInstance(jcaName, provider);
        s.initSign(signer.getPrivate());
        s.update(message);
        return s.sign();
    }

    @Benchmark
    public boolean verifyFreshKey() throws Exception {
        int i = next++ % publicKeys.length;
        PublicKey key = keyFactory.generatePublic(new X509EncodedKeySpec(publicKeys[i]));
        Signature s = Signature.getInstance(jcaName, provider);
        s.initVerify(key);
        s.update(message);
        if (!s.verify(signatures[i])) {
            throw new IllegalStateException("bad signature in benchmark");
        }
        return true;
    }
}
