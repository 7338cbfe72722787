package org.sunbid.alert.internal.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.sunbid.alert.Signal;
import org.sunbid.signing.pdf.PdfFacts;

/**
 * Benchmark (not a test): one lot of {@code -Dbids} bids (default 200), each a {@code -Dpages}-page (default 50)
 * Chinese technical PDF over 10 pages of the tender's boilerplate; two bids copy others. Measures, in one JVM, the
 * baseline (plain PDFBox text extraction of the same files) and the whole signal run (hash, metadata, text, every
 * signal), with peak heap of each. Run: {@code trading-api/bench/alerts.sh}.
 */
public final class AlertBenchmark {

    public static void main(String[] args) throws Exception {
        int bids = Integer.getInteger("bids", 200);
        int pages = Integer.getInteger("pages", 50);
        int perPage = 48;
        Path dir = Path.of(System.getProperty("dir", "trading-api/target/alert-bench-" + bids + "x" + pages));
        Files.createDirectories(dir);
        {
            long t0 = System.nanoTime();
            List<String> tender = CorpusTexts.sentences(1, 10 * perPage);
            List<Path> files = new ArrayList<>();
            List<String> copied = null;
            for (int i = 0; i < bids; i++) {
                List<String> own = CorpusTexts.sentences(1000 + i, (pages - 10) * perPage);
                if (i == 3) {
                    copied = own;
                }
                if (i == 17 || i == 150) {
                    own = CorpusTexts.rewrite(copied, 0.05, 5000 + i);
                }
                List<String> lines = new ArrayList<>(tender);
                lines.addAll(own);
                Path pdf = dir.resolve("bid-" + i + ".pdf");
                if (!Files.exists(pdf)) { // generated once, kept under target/ for the next run
                    Path part = dir.resolve("bid-" + i + ".part");
                    CorpusPdfs.write(part, lines, CorpusPdfs.Meta.NONE, String.format("%032x", i + 1));
                    Files.move(part, pdf);
                }
                files.add(pdf);
            }
            long generated = System.nanoTime();
            System.out.printf("generated (or reused) %d PDFs of %d pages in %.1f s (%d MB)%n", bids, pages, secs(t0, generated),
                    files.stream().mapToLong(AlertBenchmark::size).sum() >> 20);

            // warm-up, so neither measured pass pays for class loading and JIT
            for (Path f : files.subList(0, Math.min(3, files.size()))) {
                plainText(f);
                FileFactsReader.read(f.getFileName().toString(), f);
            }
            resetPeaks();
            long b0 = System.nanoTime();
            long c0 = cpu();
            long chars = 0;
            for (Path f : files) {
                chars += plainText(f).length();
            }
            double baseline = secs(b0, System.nanoTime());
            double baselineCpu = (cpu() - c0) / 1e9;
            long baselineHeap = peakHeap();
            System.gc();

            resetPeaks();
            long s0 = System.nanoTime();
            long c1 = cpu();
            // as the platform reads a lot's packages (EvidenceCollector): on every core
            List<LotEvidence.FileFacts> facts = files.parallelStream().map(f -> {
                try {
                    return FileFactsReader.read(f.getFileName().toString(), f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            List<LotEvidence.Bidder> bidders = new ArrayList<>();
            java.util.SplittableRandom prices = new java.util.SplittableRandom(7);
            for (int i = 0; i < bids; i++) {
                bidders.add(new LotEvidence.Bidder(UUID.nameUUIDFromBytes(("b" + i).getBytes()), "bidder " + i,
                        BigDecimal.valueOf(prices.nextLong(8_000_000_00L, 9_500_000_00L), 2), null,
                        Set.of("10.1." + i / 250 + "." + i % 250), Set.of("device-" + i), Set.of(), Set.of("acct-" + i),
                        List.of(facts.get(i)), null));
            }
            double read = secs(s0, System.nanoTime());
            SignalEngine.Assessment a = new SignalEngine(Thresholds.defaults()).assess(new LotEvidence(bidders,
                    String.join("\n", tender), Set.of(), new BigDecimal("10000000.00"), List.of()));
            double all = secs(s0, System.nanoTime());
            double allCpu = (cpu() - c1) / 1e9;
            long allHeap = peakHeap();
            System.out.printf("baseline (plain PDFBox text extraction): %.1f s wall, %.1f s CPU, %d chars, peak heap %d MB%n",
                    baseline, baselineCpu, chars, baselineHeap >> 20);
            System.out.printf("all signals: %.1f s wall (reading %.1f s, signals %.1f s), %.1f s CPU, peak heap %d MB,"
                    + " ratio %.2f x baseline (CPU %.2f x)%n", all, read, all - read, allCpu, allHeap >> 20,
                    all / baseline, allCpu / baselineCpu);
            for (Signal s : a.signals()) {
                System.out.printf("  %s %s %s%n", s.kind(), s.bidders().size(), s.evidence().keySet());
            }
            System.out.printf("score %d, alert %s, max heap %d MB, processors %d, load average %.2f%n", a.score(),
                    a.alert(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The baseline: PDFBox's text extraction with its defaults, nothing else. */
    private static String plainText(Path pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
    }

    /** CPU time of the whole process (every thread: the signals read and shingle in parallel). */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
