package org.sunbid.alert.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.alert.Signal;
import org.sunbid.alert.SignalKind;

/** The crafted corpus: every colluding lot shows exactly its expected signals and raises an alert; honest lots show none. */
class AlertCorpusTests {

    @TempDir
    static Path dir;

    static List<AlertCorpus.Lot> lots;

    final SignalEngine engine = new SignalEngine(Thresholds.defaults());

    @BeforeAll
    static void buildCorpus() throws IOException {
        lots = AlertCorpus.build(dir);
    }

    @Test
    void corpusHoldsAtLeastTwelveLotsOfBothKinds() {
        assertThat(lots).hasSizeGreaterThanOrEqualTo(12);
        assertThat(lots).filteredOn(AlertCorpus.Lot::honest).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lots).filteredOn(l -> !l.honest()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyLotShowsExactlyItsExpectedSignals() {
        for (AlertCorpus.Lot lot : lots) {
            SignalEngine.Assessment a = engine.assess(lot.evidence());
            Set<AlertCorpus.Expected> found = a.signals().stream()
                    .map(s -> new AlertCorpus.Expected(s.kind().name(),
                            s.bidders().stream().map(lot.names()::get).collect(Collectors.toSet())))
                    .collect(Collectors.toSet());
            assertThat(found).as(lot.name()).isEqualTo(lot.expected());
            assertThat(a.alert()).as(lot.name() + " alert").isEqualTo(!lot.honest());
            assertThat(a.score()).as(lot.name() + " score").isEqualTo(lot.honest() ? 0 : a.score()).isBetween(0, 100);
        }
    }

    @Test
    void boilerplateLotLooksAlikeOnlyWhenTheTenderTextIsNotSubtracted() {
        AlertCorpus.Lot lot = lot("honest-boilerplate");
        LotEvidence withoutTender = new LotEvidence(lot.evidence().bidders(), "", Set.of(), lot.evidence().maximumPrice(),
                List.of());
        List<Signal> naive = engine.assess(withoutTender).signals();
        assertThat(naive).extracting(Signal::kind).contains(SignalKind.ALIKE_TEXT);
    }

    @Test
    void alikeTextShowsSharedPassagesButNotTheTendersOwnSentences() {
        AlertCorpus.Lot lot = lot("collusion-alike-text");
        Signal alike = engine.assess(lot.evidence()).signals().stream().filter(s -> s.kind() == SignalKind.ALIKE_TEXT)
                .findFirst().orElseThrow();
        assertThat((double) alike.evidence().get("jaccard")).isBetween(0.8, 0.9);
        @SuppressWarnings("unchecked")
        List<String> passages = (List<String>) alike.evidence().get("passages");
        assertThat(passages).isNotEmpty().doesNotContainAnyElementsOf(lot.tenderSentences().stream()
                .map(s -> s.replace("。", "")).toList());
        Set<String> tender = new HashSet<>(lot.tenderSentences());
        passages.forEach(p -> assertThat(tender).doesNotContain(p + "。", p));
    }

    @Test
    void raisingTheThresholdAboveTheCopysSimilarityClearsTheTextSignal() {
        AlertCorpus.Lot lot = lot("collusion-alike-text");
        List<Signal> strict = new SignalEngine(Thresholds.defaults().withTextJaccard(0.95)).assess(lot.evidence()).signals();
        assertThat(strict).extracting(Signal::kind).doesNotContain(SignalKind.ALIKE_TEXT);
    }

    @Test
    void pdfMetadataIsReadBackFromTheWrittenFiles() {
        var files = lot("collusion-same-pdf-author").evidence().bidders().get(0).files();
        assertThat(files.get(0).author()).isEqualTo("zhangwei-PC");
        assertThat(files.get(0).creator()).isEqualTo("WPS 文字");
        assertThat(files.get(0).created()).isEqualTo(java.time.Instant.parse("2026-11-20T06:10:00Z"));
        assertThat(files.get(0).text()).contains(CorpusTexts.sentences(81, 1).get(0).replace("。", ""));
    }

    private static AlertCorpus.Lot lot(String name) {
        return lots.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }
}
