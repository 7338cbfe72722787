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
            List<String> copied = CorpusTexts.sentences(1000 + 3, (pages - 10) * perPage);
            // one font and one page layout; each bid's own text from its seed; written on every core, once
            List<Path> files = java.util.stream.IntStream.range(0, bids).parallel().mapToObj(i -> {
                Path pdf = dir.resolve("bid-" + i + ".pdf");
                if (Files.exists(pdf)) { // generated once, kept under target/ for the next run
                    return pdf;
                }
                List<String> own = i == 17 || i == 150 ? CorpusTexts.rewrite(copied, 0.05, 5000 + i)
                        : CorpusTexts.sentences(1000 + i, (pages - 10) * perPage);
                List<String> lines = new ArrayList<>(tender);
                lines.addAll(own);
                try {
                    Path part = dir.resolve("bid-" + i + ".part");
                    CorpusPdfs.write(part, lines, CorpusPdfs.Meta.NONE, String.format("%032x", i + 1));
                    Files.move(part, pdf);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return pdf;
            }).toList();
            long generated = System.nanoTime();
            System.out.printf("generated (or reused) %d PDFs of %d pages in %.1f s (%d MB)%n", bids, pages, secs(t0, generated),
                    files.stream().mapToLong(AlertBenchmark::size).sum() >> 20);

            // warm-up, so neither measured pass pays for class loading and JIT
            for (Path f : files.subList(0, Math.min(3, files.size()))) {
                plainText(f);
                FactsCodec.decode(FactsCodec.encode(List.of(facts(f))));
            }
            System.out.printf("load average before measuring %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // baseline: plain PDFBox text extraction of the same files, on every core as the platform reads them
            resetPeaks();
            long b0 = System.nanoTime();
            long c0 = cpu();
            long chars = files.parallelStream().mapToLong(f -> plainText(f).length()).sum();
            double baseline = secs(b0, System.nanoTime());
            double baselineCpu = (cpu() - c0) / 1e9;
            long baselineHeap = peakHeap();

            // first time (after the opening): hash, metadata and text of each file on every core, kept as bytes
            // (FactsCodec, what the platform stores in alert_package_facts)
            resetPeaks();
            long e0 = System.nanoTime();
            long ce = cpu();
            List<byte[]> kept = files.parallelStream().map(f -> FactsCodec.encode(List.of(facts(f)))).toList();
            double extraction = secs(e0, System.nanoTime());
            double extractionCpu = (cpu() - ce) / 1e9;
            long extractionHeap = peakHeap();
            long keptBytes = kept.stream().mapToLong(b -> b.length).sum();

            // every signal from the kept facts: what a re-run (and the committee's refresh) costs
            resetPeaks();
            long s0 = System.nanoTime();
            long c1 = cpu();
            List<LotEvidence.FileFacts> facts = kept.parallelStream().map(b -> FactsCodec.decode(b).get(0)).toList();
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
            double signals = secs(s0, System.nanoTime());
            double signalsCpu = (cpu() - c1) / 1e9;
            long signalsHeap = peakHeap();
            System.out.printf("baseline (plain PDFBox text extraction, every core): %.1f s wall, %.1f s CPU, %d chars,"
                    + " peak heap %d MB%n", baseline, baselineCpu, chars, baselineHeap >> 20);
            System.out.printf("first-time extraction (hash, metadata, text, kept as %d MB): %.1f s wall, %.1f s CPU,"
                    + " peak heap %d MB, ratio %.2f x baseline (CPU %.2f x)%n", keptBytes >> 20, extraction,
                    extractionCpu, extractionHeap >> 20, extraction / baseline, extractionCpu / baselineCpu);
            System.out.printf("all signals from the kept facts: %.1f s wall (inflating %.1f s, signals %.1f s), %.1f s CPU,"
                    + " peak heap %d MB, ratio %.3f x baseline (CPU %.3f x)%n", signals, read, signals - read, signalsCpu,
                    signalsHeap >> 20, signals / baseline, signalsCpu / baselineCpu);
            System.out.printf("first assessment of the lot (extraction + signals): %.1f s wall, ratio %.2f x baseline%n",
                    extraction + signals, (extraction + signals) / baseline);
            for (Signal s : a.signals()) {
                System.out.printf("  %s %s %s%n", s.kind(), s.bidders().size(), s.evidence().keySet());
            }
            System.out.printf("score %d, alert %s, max heap %d MB, processors %d, load average %.2f%n", a.score(),
                    a.alert(), Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The baseline: PDFBox's text extraction with its defaults, nothing else. */
    private static String plainText(Path pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LotEvidence.FileFacts facts(Path pdf) {
        try {
            return FileFactsReader.read(pdf.getFileName().toString(), pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
