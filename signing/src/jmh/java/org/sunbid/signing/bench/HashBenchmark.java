package org.sunbid.signing.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.sunbid.signing.DigestAlgorithm;

/** Streaming digest of 64 MiB in 64 KiB reads, as uploads and bidtool digest do. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HashBenchmark {

    static final int SIZE = 64 * 1024 * 1024;

    @Param({ "SHA256", "SM3" })
    public String algorithm;

    byte[] data;

    @Setup
    public void setUp() {
        data = new byte[SIZE];
        new Random(1).nextBytes(data);
    }

    @Benchmark
    public byte[] digest64MiB() throws IOException {
        return DigestAlgorithm.valueOf(algorithm).digest(new ByteArrayInputStream(data));
    }
}
