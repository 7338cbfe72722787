package org.sunbid.alert.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.sunbid.alert.Signal;
import org.sunbid.alert.SignalKind;

/**
 * Computes every collusion signal of one lot from its {@link LotEvidence}, and the lot's score: for each pair of
 * bidders the sum over signal kinds of the heaviest signal of that kind linking them; the lot scores its worst pair,
 * at most 100. Plain Java, no Spring: the rules are unit-tested on a corpus of crafted lots.
 */
public final class SignalEngine {

    /** The signals of a lot, its score and whether the score raises an alert. */
    public record Assessment(List<Signal> signals, int score, boolean alert) {
        public Assessment {
            signals = List.copyOf(signals);
        }
    }

    private final Thresholds t;

    public SignalEngine(Thresholds thresholds) {
        this.t = thresholds;
    }

    public Assessment assess(LotEvidence lot) {
        List<Signal> signals = new ArrayList<>();
        List<LotEvidence.Bidder> bidders = lot.bidders();
        machine(bidders, signals);
        grouped(SignalKind.SAME_PAYER_ACCOUNT, bidders, b -> b.payerAccounts(), "account", signals);
        files(lot, signals);
        Set<Set<UUID>> alikePairs = text(lot, signals);
        sharedErrors(lot, alikePairs, signals);
        prices(lot, signals);
        rotation(lot, signals);
        parties(bidders, signals);
        int score = score(signals);
        return new Assessment(signals, score, score >= t.alertScore());
    }

    private void machine(List<LotEvidence.Bidder> bidders, List<Signal> out) {
        grouped(SignalKind.SAME_MAC, bidders, b -> macs(b.machine()), "mac", out);
        grouped(SignalKind.SAME_CPU_SERIAL, bidders,
                b -> clean(b.machine().cpu() == null ? List.of() : List.of(b.machine().cpu()), SignalEngine::serialLike),
                "cpu", out);
        grouped(SignalKind.SAME_DISK_SERIAL, bidders, b -> clean(b.machine().disks(), SignalEngine::serialLike), "disk",
                out);
        grouped(SignalKind.SAME_MACHINE_FINGERPRINT, bidders, b -> wholeFingerprint(b.machine()), "fingerprint", out);
        grouped(SignalKind.SAME_UPLOAD_IP, bidders, b -> clean(b.uploadIps(), ip -> !t.ignoredIps().contains(ip)), "ip",
                out);
        grouped(SignalKind.SAME_DEVICE, bidders, b -> clean(b.devices(), d -> true), "device", out);
        grouped(SignalKind.SAME_DOWNLOAD_IP, bidders, b -> clean(b.downloadIps(), ip -> !t.ignoredIps().contains(ip)),
                "ip", out);
    }

    private static Set<String> wholeFingerprint(LotEvidence.Machine m) {
        List<String> macs = macs(m).stream().sorted().toList();
        List<String> disks = clean(m.disks(), SignalEngine::serialLike).stream().sorted().toList();
        if (macs.isEmpty() || disks.isEmpty() || m.cpu() == null || m.cpu().isBlank()) {
            return Set.of();
        }
        return Set.of(String.join(",", macs) + "|" + m.cpu().strip() + "|" + String.join(",", disks));
    }

    /**
     * Canonical MACs (aa:bb:cc:dd:ee:ff) of globally unique adapters only: all-zero, broadcast and locally
     * administered addresses (Docker's 02:42:…, virtual machines, randomised Wi-Fi) are shared by unrelated machines.
     */
    static Set<String> macs(LotEvidence.Machine machine) {
        Set<String> out = new HashSet<>();
        for (String mac : machine.macs()) {
            String hex = mac == null ? "" : mac.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
            if (hex.length() != 12 || hex.equals("000000000000") || hex.equals("ffffffffffff")
                    || (Integer.parseInt(hex.substring(0, 2), 16) & 0x02) != 0) {
                continue;
            }
            out.add(hex.replaceAll("(..)(?!$)", "$1:"));
        }
        return out;
    }

    /** A CPU or disk serial, not a model name shared by thousands of machines ("Intel(R) Core(TM) i7"). */
    static boolean serialLike(String value) {
        return value.length() >= 8 && value.chars().noneMatch(Character::isWhitespace);
    }

    private static Set<String> clean(Collection<String> values, java.util.function.Predicate<String> usable) {
        Set<String> out = new HashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                String s = v.strip().toLowerCase(Locale.ROOT);
                if (usable.test(s)) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** One signal per value shared by two or more bidders. */
    private void grouped(SignalKind kind, List<LotEvidence.Bidder> bidders,
            Function<LotEvidence.Bidder, Set<String>> values, String label, List<Signal> out) {
        Map<String, Set<UUID>> byValue = new TreeMap<>();
        for (LotEvidence.Bidder b : bidders) {
            for (String v : values.apply(b)) {
                byValue.computeIfAbsent(v, x -> new HashSet<>()).add(b.member());
            }
        }
        byValue.forEach((value, members) -> {
            if (members.size() >= 2) {
                out.add(new Signal(kind, List.copyOf(members), Map.of(label, value), t.weight(kind)));
            }
        });
    }

    private void files(LotEvidence lot, List<Signal> out) {
        List<LotEvidence.Bidder> bidders = lot.bidders();
        grouped(SignalKind.SAME_FILE, bidders, b -> clean(b.files().stream().map(LotEvidence.FileFacts::sha256).toList(),
                h -> !lot.tenderFileHashes().contains(h)), "sha256", out);
        grouped(SignalKind.SAME_PDF_DOCUMENT_ID, bidders, b -> {
            List<String> ids = new ArrayList<>();
            b.files().forEach(f -> {
                ids.add(f.documentId());
                ids.add(f.xmpInstanceId());
            });
            return clean(ids, x -> true);
        }, "documentId", out);
        grouped(SignalKind.SAME_PDF_AUTHOR, bidders,
                b -> clean(b.files().stream().map(LotEvidence.FileFacts::author).toList(), x -> true), "author", out);
        closeTimes(bidders, out);
    }

    private record Stamp(Instant at, UUID member, String file, String which) {
    }

    /** Files of different bidders created or modified within the window of each other. */
    private void closeTimes(List<LotEvidence.Bidder> bidders, List<Signal> out) {
        List<Stamp> stamps = new ArrayList<>();
        for (LotEvidence.Bidder b : bidders) {
            for (LotEvidence.FileFacts f : b.files()) {
                if (f.created() != null) {
                    stamps.add(new Stamp(f.created(), b.member(), f.name(), "created"));
                }
                if (f.modified() != null && !f.modified().equals(f.created())) {
                    stamps.add(new Stamp(f.modified(), b.member(), f.name(), "modified"));
                }
            }
        }
        stamps.sort(Comparator.comparing(Stamp::at));
        Map<List<UUID>, List<String>> pairs = new LinkedHashMap<>();
        for (int i = 0; i < stamps.size(); i++) {
            Stamp a = stamps.get(i);
            for (int j = i + 1; j < stamps.size()
                    && stamps.get(j).at().getEpochSecond() - a.at().getEpochSecond() <= t.pdfTimeWindow().seconds(); j++) {
                Stamp b = stamps.get(j);
                if (!a.member().equals(b.member())) {
                    List<UUID> pair = List.of(a.member(), b.member()).stream().sorted().toList();
                    pairs.computeIfAbsent(pair, k -> new ArrayList<>())
                            .add(a.file() + " " + a.which() + " " + a.at() + " ~ " + b.file() + " " + b.which() + " " + b.at());
                }
            }
        }
        pairs.forEach((pair, lines) -> out.add(new Signal(SignalKind.PDF_TIMES_CLOSE, pair,
                Map.of("times", List.copyOf(lines.subList(0, Math.min(5, lines.size())))),
                t.weight(SignalKind.PDF_TIMES_CLOSE))));
    }

    private Set<Set<UUID>> text(LotEvidence lot, List<Signal> out) {
        List<LotEvidence.Bidder> bidders = lot.bidders();
        List<String> texts = bidders.stream().map(LotEvidence.Bidder::text).toList();
        Set<Set<UUID>> pairs = new HashSet<>();
        for (TextSimilarity.AlikePair p : new TextSimilarity(t).alike(texts, lot.tenderText())) {
            UUID a = bidders.get(p.first()).member();
            UUID b = bidders.get(p.second()).member();
            if (!a.equals(b)) {
                pairs.add(Set.of(a, b));
                out.add(new Signal(SignalKind.ALIKE_TEXT, List.of(a, b),
                        Map.of("jaccard", p.jaccard(), "passages", p.passages()), t.weight(SignalKind.ALIKE_TEXT)));
            }
        }
        return pairs;
    }

    private static final java.util.regex.Pattern FIGURE = java.util.regex.Pattern
            .compile("[A-Za-z0-9][A-Za-z0-9.\\-/]{3,}");

    /**
     * The same unusual figure or code (a token with a digit, not in the tender documents) in a few bidders' texts
     * only — the same wrong figure or typo copied along; pairs already found alike are not reported twice.
     */
    private void sharedErrors(LotEvidence lot, Set<Set<UUID>> alikePairs, List<Signal> out) {
        Set<String> tender = figures(lot.tenderText());
        Map<String, Set<UUID>> byToken = new TreeMap<>();
        for (LotEvidence.Bidder b : lot.bidders()) {
            for (String token : figures(b.text())) {
                if (!tender.contains(token)) {
                    byToken.computeIfAbsent(token, k -> new HashSet<>()).add(b.member());
                }
            }
        }
        int most = Math.max(2, lot.bidders().size() / 3);
        Map<Set<UUID>, List<String>> byGroup = new LinkedHashMap<>();
        byToken.forEach((token, members) -> {
            if (members.size() >= 2 && members.size() <= most && !(members.size() == 2 && alikePairs.contains(members))) {
                byGroup.computeIfAbsent(Set.copyOf(members), k -> new ArrayList<>()).add(token);
            }
        });
        byGroup.forEach((members, tokens) -> out.add(new Signal(SignalKind.SHARED_ERROR, List.copyOf(members),
                Map.of("figures", List.copyOf(tokens.subList(0, Math.min(10, tokens.size())))),
                t.weight(SignalKind.SHARED_ERROR))));
    }

    private static Set<String> figures(String text) {
        Set<String> out = new HashSet<>();
        var m = FIGURE.matcher(text);
        while (m.find()) {
            String token = m.group().replaceAll("[.\\-/]+$", "");
            if (token.length() >= 4 && token.chars().anyMatch(Character::isDigit)) {
                out.add(token.toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    private void prices(LotEvidence lot, List<Signal> out) {
        List<LotEvidence.Bidder> bidders = lot.bidders();
        List<BigDecimal> prices = bidders.stream().map(LotEvidence.Bidder::price).toList();
        int minimum = bidders.size() <= 6 ? 3 : 4;
        List<PricePatterns.Progression> arithmetic = PricePatterns.arithmetic(prices, t.progressionTolerance(), minimum);
        arithmetic.forEach(p -> out.add(progression(SignalKind.PRICE_ARITHMETIC, p, bidders, "difference")));
        if (arithmetic.isEmpty()) {
            PricePatterns.geometric(prices, t.progressionTolerance(), minimum)
                    .forEach(p -> out.add(progression(SignalKind.PRICE_GEOMETRIC, p, bidders, "ratio")));
        }
        List<Integer> under = PricePatterns.underMaximum(prices, lot.maximumPrice(), t.underMaximumShare());
        if (under.size() >= t.underMaximumMinimumBids()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("maximumPrice", lot.maximumPrice().toPlainString());
            evidence.put("prices", under.stream().map(i -> prices.get(i).toPlainString()).toList());
            evidence.put("withinShare", t.underMaximumShare());
            out.add(new Signal(SignalKind.PRICE_UNDER_MAXIMUM, under.stream().map(i -> bidders.get(i).member()).toList(),
                    evidence, t.weight(SignalKind.PRICE_UNDER_MAXIMUM)));
        }
    }

    private Signal progression(SignalKind kind, PricePatterns.Progression p, List<LotEvidence.Bidder> bidders,
            String stepName) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("prices", p.members().stream().map(i -> bidders.get(i).price().toPlainString()).toList());
        evidence.put(stepName, p.step().toPlainString());
        return new Signal(kind, p.members().stream().map(i -> bidders.get(i).member()).toList(), evidence,
                t.weight(kind));
    }

    /** Bidders of this lot who keep bidding together on the tenderee's lots and take turns to win. */
    private void rotation(LotEvidence lot, List<Signal> out) {
        Set<UUID> here = new HashSet<>();
        lot.bidders().forEach(b -> here.add(b.member()));
        Map<UUID, Integer> together = new HashMap<>();
        List<LotEvidence.PastLot> shared = new ArrayList<>();
        for (LotEvidence.PastLot past : lot.recentLots()) {
            Set<UUID> common = new HashSet<>(past.bidders());
            common.retainAll(here);
            if (common.size() >= 2) {
                shared.add(past);
                common.forEach(m -> together.merge(m, 1, Integer::sum));
            }
        }
        Set<UUID> ring = new HashSet<>();
        together.forEach((m, n) -> {
            if (n >= t.rotationMinimumLots()) {
                ring.add(m);
            }
        });
        List<String> won = new ArrayList<>();
        Set<UUID> winners = new HashSet<>();
        for (LotEvidence.PastLot past : shared) {
            if (past.winner() != null && ring.contains(past.winner())) {
                winners.add(past.winner());
                won.add(past.lotName() + " → " + past.winner());
            }
        }
        if (ring.size() >= 2 && winners.size() >= 2 && won.size() >= t.rotationMinimumLots()) {
            out.add(new Signal(SignalKind.WINNER_ROTATION, List.copyOf(ring), Map.of("lots", won),
                    t.weight(SignalKind.WINNER_ROTATION)));
        }
    }

    private void parties(List<LotEvidence.Bidder> bidders, List<Signal> out) {
        grouped(SignalKind.RELATED_PARTY, bidders, b -> clean(b.party().legalRepresentativeId() == null ? List.of()
                : List.of(b.party().legalRepresentativeId()), x -> true), "legalRepresentative", out);
        grouped(SignalKind.RELATED_PARTY, bidders, b -> clean(b.party().controllerCode() == null ? List.of()
                : List.of(b.party().controllerCode()), x -> true), "controller", out);
        Set<UUID> here = new HashSet<>();
        bidders.forEach(b -> here.add(b.member()));
        Set<List<UUID>> linked = new HashSet<>();
        for (LotEvidence.Bidder b : bidders) {
            for (UUID related : b.party().relatedMembers()) {
                if (here.contains(related) && !related.equals(b.member())) {
                    List<UUID> pair = List.of(b.member(), related).stream().sorted().toList();
                    if (linked.add(pair)) {
                        out.add(new Signal(SignalKind.RELATED_PARTY, pair, Map.of("registry", "related members"),
                                t.weight(SignalKind.RELATED_PARTY)));
                    }
                }
            }
        }
        grouped(SignalKind.SAME_CONTACT, bidders, b -> clean(b.party().phones(), x -> true), "phone", out);
        grouped(SignalKind.SAME_CONTACT, bidders, b -> clean(b.party().emails(), x -> true), "email", out);
        grouped(SignalKind.SAME_CONTACT, bidders, b -> b.party().address() == null ? Set.of()
                : clean(List.of(Shingles.normalise(b.party().address())), x -> x.length() >= 6), "address", out);
    }

    /** The worst pair's sum over kinds of the heaviest signal of each kind linking it; at most 100. */
    static int score(List<Signal> signals) {
        Map<List<UUID>, Map<SignalKind, Integer>> pairs = new HashMap<>();
        for (Signal s : signals) {
            List<UUID> b = s.bidders();
            for (int i = 0; i < b.size(); i++) {
                for (int j = i + 1; j < b.size(); j++) {
                    pairs.computeIfAbsent(List.of(b.get(i), b.get(j)), k -> new java.util.EnumMap<>(SignalKind.class))
                            .merge(s.kind(), s.weight(), Math::max);
                }
            }
        }
        int worst = 0;
        for (Map<SignalKind, Integer> kinds : pairs.values()) {
            worst = Math.max(worst, kinds.values().stream().mapToInt(Integer::intValue).sum());
        }
        return Math.min(100, worst);
    }
}
