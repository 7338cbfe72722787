package org.sunbid.signing.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;

/** Seal and open 64 MiB (memory to a discarding sink, so the crypto path is measured, not the disk). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SealBenchmark {

    static final int SIZE = 64 * 1024 * 1024;

    @Param({ "AES_256_GCM", "AES_256_CBC" })
    public String cipher;

    byte[] plain;
    byte[] sealed;
    SigningKey recipient;

    @Setup
    public void setUp() throws IOException {
        plain = new byte[SIZE];
        new Random(2).nextBytes(plain);
        recipient = CertificateIssuer.selfSigned("CN=Bench Recipient", KeyAlgorithm.EC_P256, java.time.Duration.ofDays(1));
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + 4096);
        Sealer.seal(new ByteArrayInputStream(plain), out, List.of(recipient.certificate()), ContentCipher.valueOf(cipher));
        sealed = out.toByteArray();
    }

    @Benchmark
    public void seal64MiB() throws IOException {
        Sealer.seal(new ByteArrayInputStream(plain), OutputStream.nullOutputStream(), List.of(recipient.certificate()),
                ContentCipher.valueOf(cipher));
    }

    @Benchmark
    public OpenResult open64MiB() {
        OpenResult r = Opener.openUnverifiedInto(new ByteArrayInputStream(sealed), recipient, OutputStream.nullOutputStream());
        if (!r.isOpened()) {
            throw new IllegalStateException(r.toString());
        }
        return r;
    }
}
