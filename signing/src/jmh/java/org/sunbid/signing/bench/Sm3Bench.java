package org.sunbid.signing.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.sunbid.signing.internal.Sm3;

/**
 * SM3 over 64 MiB in 64 KiB updates, ours and Bouncy Castle's taking turns on the same thread, each divided by the
 * thread's CPU time (as {@code openssl speed} divides by user CPU time). Prints the median MB/s of each over the rounds
 * after a warm-up; {@code signing/bench/sm3.sh} puts openssl's figure beside it.
 */
public final class Sm3Bench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        byte[] data = new byte[64 * 1024 * 1024];
        new Random(1).nextBytes(data);
        double[] ours = new double[rounds];
        double[] bc = new double[rounds];
        for (int warm = 0; warm < 3; warm++) {
            ours(data);
            bc(data);
        }
        for (int r = 0; r < rounds; r++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            ours(data);
            long t1 = THREADS.getCurrentThreadCpuTime();
            bc(data);
            long t2 = THREADS.getCurrentThreadCpuTime();
            ours[r] = data.length / 1e6 / ((t1 - t0) / 1e9);
            bc[r] = data.length / 1e6 / ((t2 - t1) / 1e9);
        }
        System.out.printf("{\"oursMBps\":%.1f,\"bouncyCastleMBps\":%.1f,\"rounds\":%d}%n", median(ours), median(bc),
                rounds);
    }

    private static byte[] ours(byte[] data) {
        Sm3 d = new Sm3();
        for (int off = 0; off < data.length; off += 65536) {
            d.update(data, off, 65536);
        }
        return d.digest();
    }

    private static byte[] bc(byte[] data) {
        SM3Digest d = new SM3Digest();
        for (int off = 0; off < data.length; off += 65536) {
            d.update(data, off, 65536);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
