package org.sunbid.signing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the same operations as the JMH benchmarks but divides by the measuring thread's CPU time, as {@code openssl
 * speed} does by default (user CPU time). On a machine shared by many builds, wall-clock ratios mostly measure the
 * neighbours; CPU-time ratios compare the code. Prints one JSON object per line.
 */
public final class CpuTimeBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Op {
        Object run() throws Exception;
    }

    record Case(String name, long bytesPerOp, Op op) {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        List<Case> cases = new ArrayList<>();
        for (String alg : new String[] { "SHA256", "SM3" }) {
            HashBenchmark b = new HashBenchmark();
            b.algorithm = alg;
            b.setUp();
            cases.add(new Case("digest64MiB[" + alg + "]", HashBenchmark.SIZE, b::digest64MiB));
        }
        for (String cipher : new String[] { "AES_256_GCM", "AES_256_CBC" }) {
            SealBenchmark b = new SealBenchmark();
            b.cipher = cipher;
            b.setUp();
            cases.add(new Case("seal64MiB[" + cipher + "]", SealBenchmark.SIZE, () -> {
                b.seal64MiB();
                return null;
            }));
            cases.add(new Case("open64MiB[" + cipher + "]", SealBenchmark.SIZE, b::open64MiB));
        }
        for (String alg : new String[] { "RSA", "EC_P256", "SM2" }) {
            SignatureBenchmark b = new SignatureBenchmark();
            b.algorithm = alg;
            b.setUp();
            cases.add(new Case("sign[" + alg + "]", 0, b::sign));
            cases.add(new Case("verifyFreshKey[" + alg + "]", 0, b::verifyFreshKey));
        }
        for (Case c : cases) {
            measure(c, seconds); // warm-up (JIT), discarded
            double opsPerCpuSecond = measure(c, seconds);
            System.out.printf("{\"name\":\"%s\",\"opsPerCpuSecond\":%.3f,\"bytesPerOp\":%d}%n", c.name(), opsPerCpuSecond, c.bytesPerOp());
        }
    }

    private static double measure(Case c, double cpuSeconds) throws Exception {
        long budget = (long) (cpuSeconds * 1e9);
        long start = THREADS.getCurrentThreadCpuTime();
        long ops = 0;
        long used;
        do {
            c.op().run();
            ops++;
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < budget || ops < 3);
        return ops / (used / 1e9);
    }
}
