package org.sunbid.expert;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The per-draw breakdown of the benchmark, from a JFR recording of the warm draws: each draw is a {@link DrawWindow}
 * event on the draw's thread; afterwards every database round trip of that thread inside the window (JFR's socket
 * reads, the JDBC driver waiting for PostgreSQL's answer) is charged to the call site that made it, and GC pauses and
 * other safepoints (any thread) to the draw they overlap. Nothing is added to the draw's code: the recording watches
 * the same work {@code POST …/expert-draw} runs.
 */
final class DrawTrace implements AutoCloseable {

    /** One draw as the benchmark timed it; the JFR clock places the other events inside it. */
    @Name("sunbid.bench.DrawWindow")
    @Label("Expert draw (benchmark)")
    static final class DrawWindow extends Event {
        @Label("Index")
        int index;
        @Label("Queued (ns)")
        long queuedNs;
        @Label("Thread CPU (ns)")
        long cpuNs;
        @Label("Allocated by the thread (bytes)")
        long allocated;
    }

    /** The parts of one draw, in ms. */
    record Draw(int index, double wall, double cpu, double queued, double gcPause, double safepoints, double database,
            int roundTrips, Map<String, Double> databaseBySite, int compilations, int deoptimizations, double allocatedMb) {
    }

    /** Execution samples of the draw's thread inside the draws: innermost frame of ours, and innermost frame. */
    final Map<String, Integer> samplesBySite = new TreeMap<>();
    final Map<String, Integer> samplesByTop = new TreeMap<>();

    private final Recording recording = new Recording();
    private final Path file;

    DrawTrace(Path file) {
        this.file = file;
        recording.enable(DrawWindow.class).withThreshold(Duration.ZERO);
        recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.GarbageCollection").withThreshold(Duration.ZERO);
        recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
        recording.enable("jdk.SafepointBegin").withThreshold(Duration.ZERO);
        recording.enable("jdk.Deoptimization").withThreshold(Duration.ZERO);
        recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
        recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
        recording.enable("jdk.ObjectAllocationSample").withStackTrace();
        recording.setToDisk(true);
        recording.start();
    }

    /** Wraps one draw; the caller passes its schedstat wait and CPU, measured around the same call. */
    static DrawWindow begin(int index) {
        DrawWindow w = new DrawWindow();
        w.index = index;
        w.begin();
        return w;
    }

    static void end(DrawWindow w, double queuedMs, double cpuMs, long allocated) {
        w.queuedNs = (long) (queuedMs * 1e6);
        w.cpuNs = (long) (cpuMs * 1e6);
        w.allocated = allocated;
        w.commit();
    }

    /** Stops, keeps the recording in {@code file} (for {@code jfr print}) and charges its events to the draws. */
    List<Draw> draws() throws IOException {
        recording.stop();
        recording.dump(file);
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> windows = events.stream().filter(e -> e.getEventType().getName().equals("sunbid.bench.DrawWindow"))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
        List<Draw> draws = new ArrayList<>();
        for (RecordedEvent w : windows) {
            Instant from = w.getStartTime();
            Instant to = w.getEndTime();
            long thread = w.getThread().getJavaThreadId();
            double gc = 0;
            double safepoints = 0;
            double database = 0;
            int trips = 0;
            int compilations = 0;
            int deopts = 0;
            Map<String, Double> bySite = new TreeMap<>();
            for (RecordedEvent e : events) {
                String type = e.getEventType().getName();
                double overlap = overlapMs(e, from, to);
                if (overlap <= 0 && !(type.equals("jdk.Deoptimization") || type.equals("jdk.Compilation")
                        || type.equals("jdk.ExecutionSample"))) {
                    continue;
                }
                switch (type) {
                case "jdk.GCPhasePause" -> gc += overlap;
                case "jdk.ExecutionSample" -> {
                    if (onThread(e, thread, "sampledThread") && within(e, from, to) && e.getStackTrace() != null) {
                        samplesBySite.merge(site(e), 1, Integer::sum);
                        RecordedFrame top = e.getStackTrace().getFrames().get(0);
                        samplesByTop.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1,
                                Integer::sum);
                    }
                }
                case "jdk.SafepointBegin" -> safepoints += overlap;
                case "jdk.Compilation" -> compilations += within(e, from, to) ? 1 : 0;
                case "jdk.Deoptimization" -> deopts += within(e, from, to) && onThread(e, thread) ? 1 : 0;
                case "jdk.SocketRead", "jdk.SocketWrite" -> {
                    if (onThread(e, thread)) {
                        database += overlap;
                        trips += type.equals("jdk.SocketRead") ? 1 : 0;
                        bySite.merge(site(e), overlap, Double::sum);
                    }
                }
                default -> {
                }
                }
            }
            draws.add(new Draw(w.getInt("index"), ms(Duration.between(from, to)), w.getLong("cpuNs") / 1e6,
                    w.getLong("queuedNs") / 1e6, gc, safepoints, database, trips, bySite, compilations, deopts,
                    w.getLong("allocated") / 1e6));
        }
        return draws;
    }

    /** The innermost frame of ours (or Spring's commit and begin) above the JDBC driver: who waited for the database. */
    static String site(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return "(no stack)";
        }
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String type = f.getMethod().getType().getName();
            String method = f.getMethod().getName();
            if (method.equals("doCommit") && type.startsWith("org.springframework.")) {
                return "commit";
            }
            if (method.equals("doBegin") && type.startsWith("org.springframework.")) {
                return "begin";
            }
            if (type.startsWith("org.sunbid.scheduler.")) {
                return "scheduler: answer-window job";
            }
            if (type.startsWith("org.sunbid.supervision.")) {
                return "supervision log: " + type.substring(type.lastIndexOf('.') + 1) + "." + method;
            }
            if (type.startsWith("org.sunbid.")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + method;
            }
        }
        return "(other)";
    }

    private static boolean onThread(RecordedEvent e, long thread) {
        return e.getThread() != null && e.getThread().getJavaThreadId() == thread;
    }

    private static boolean onThread(RecordedEvent e, long thread, String field) {
        jdk.jfr.consumer.RecordedThread t = e.getValue(field);
        return t != null && t.getJavaThreadId() == thread;
    }

    /** The execution samples taken on the draw's thread inside the draws, by site and by innermost frame. */
    void printProfile() {
        int total = samplesBySite.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%nJFR execution samples of the draw's thread inside the draws: %d%n", total);
        for (var table : List.of(samplesBySite, samplesByTop)) {
            table.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                    .forEach(e -> System.out.printf("  %-70s %4d %5.1f%%%n", e.getKey(), e.getValue(),
                            100.0 * e.getValue() / Math.max(1, total)));
            System.out.println();
        }
    }

    private static boolean within(RecordedEvent e, Instant from, Instant to) {
        return !e.getStartTime().isBefore(from) && !e.getStartTime().isAfter(to);
    }

    private static double overlapMs(RecordedEvent e, Instant from, Instant to) {
        Instant s = e.getStartTime().isAfter(from) ? e.getStartTime() : from;
        Instant t = e.getEndTime().isBefore(to) ? e.getEndTime() : to;
        return t.isAfter(s) ? ms(Duration.between(s, t)) : 0;
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    /** Percentiles of every part over all draws, then the worst draws one by one. */
    static void print(List<Draw> draws, int worst) {
        Map<String, List<Double>> parts = new LinkedHashMap<>();
        for (Draw d : draws) {
            parts.computeIfAbsent("whole draw (wall)", k -> new ArrayList<>()).add(d.wall());
            parts.computeIfAbsent("  thread CPU", k -> new ArrayList<>()).add(d.cpu());
            parts.computeIfAbsent("  thread waiting for a core", k -> new ArrayList<>()).add(d.queued());
            parts.computeIfAbsent("  GC pauses", k -> new ArrayList<>()).add(d.gcPause());
            parts.computeIfAbsent("  safepoints (incl. GC)", k -> new ArrayList<>()).add(d.safepoints());
            parts.computeIfAbsent("  database round trips (all)", k -> new ArrayList<>()).add(d.database());
            parts.computeIfAbsent("  wall minus wait for a core", k -> new ArrayList<>()).add(d.wall() - d.queued());
            parts.computeIfAbsent("  wall minus wait for a core and GC pauses", k -> new ArrayList<>())
                    .add(d.wall() - d.queued() - d.gcPause());
            parts.computeIfAbsent("  database round trips (count)", k -> new ArrayList<>()).add((double) d.roundTrips());
            parts.computeIfAbsent("  allocated by the draw's thread (MB)", k -> new ArrayList<>()).add(d.allocatedMb());
        }
        List<String> sites = draws.stream().flatMap(d -> d.databaseBySite().keySet().stream()).distinct().sorted().toList();
        for (String site : sites) {
            for (Draw d : draws) {
                parts.computeIfAbsent("  db: " + site, k -> new ArrayList<>()).add(d.databaseBySite().getOrDefault(site, 0.0));
            }
        }
        System.out.printf("%nper-draw breakdown from JFR, %d warm draws (ms)%n%-52s %8s %8s %8s %8s%n", draws.size(),
                "part", "p50", "p90", "p99", "max");
        parts.forEach((name, values) -> {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-52s %8.2f %8.2f %8.2f %8.2f%n", name, pct(v, 50), pct(v, 90), pct(v, 99), v[v.length - 1]);
        });
        System.out.printf("%nworst %d draws (ms): wall, CPU, wait for a core, GC, safepoints, db (trips), top db sites; "
                + "compilations and deoptimisations during the draw%n", worst);
        draws.stream().sorted(Comparator.comparingDouble(Draw::wall).reversed()).limit(worst).forEach(d -> {
            String top = d.databaseBySite().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(3).map(e -> "%s %.1f".formatted(e.getKey(), e.getValue())).reduce((a, b) -> a + ", " + b).orElse("");
            System.out.printf("  #%-3d %7.1f %6.1f %6.1f %5.1f %5.1f %6.1f (%d)  %s; comp %d, deopt %d%n", d.index(), d.wall(),
                    d.cpu(), d.queued(), d.gcPause(), d.safepoints(), d.database(), d.roundTrips(), top, d.compilations(),
                    d.deoptimizations());
        });
    }

    static double pct(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    @Override
    public void close() {
        recording.close();
    }
}
