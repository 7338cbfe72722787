package org.sunbid.alert.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crafted lots of {@code alerts/corpus.json}, built for real: each bidder's technical bid is written as a PDF
 * with PDFBox and read back through {@link FileFactsReader} (text extraction and metadata), as after an opening.
 */
final class AlertCorpus {

    /** A lot ready for the engine, with what the corpus expects of it. */
    record Lot(String name, boolean honest, LotEvidence evidence, Set<Expected> expected, Map<UUID, String> names,
            List<String> tenderSentences) {
    }

    /** One expected signal: its kind and its bidders by corpus letter. */
    record Expected(String kind, Set<String> bidders) {
    }

    private AlertCorpus() {
    }

    static JsonNode json() throws IOException {
        try (InputStream in = AlertCorpus.class.getResourceAsStream("/alerts/corpus.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    static List<Lot> build(Path dir) throws IOException {
        List<Lot> lots = new ArrayList<>();
        for (JsonNode lot : json().get("lots")) {
            lots.add(lot(lot, dir));
        }
        return lots;
    }

    static Lot lot(JsonNode lot, Path dir) throws IOException {
        String lotName = lot.get("name").asText();
        Path lotDir = Files.createDirectories(dir.resolve(lotName));
        JsonNode tender = lot.get("tender");
        List<String> tenderSentences = new ArrayList<>(CorpusTexts.sentences(tender.get("seed").asLong(),
                tender.get("sentences").asInt()));
        strings(tender.get("extra")).forEach(tenderSentences::add);
        Map<String, UUID> ids = new LinkedHashMap<>();
        Map<String, List<String>> ownTexts = new HashMap<>();
        Map<String, Path> pdfs = new HashMap<>();
        List<LotEvidence.Bidder> bidders = new ArrayList<>();
        Map<UUID, String> names = new HashMap<>();
        for (JsonNode b : lot.get("bidders")) {
            String letter = b.get("id").asText();
            UUID member = UUID.nameUUIDFromBytes((lotName + "/" + letter).getBytes());
            ids.put(letter, member);
            names.put(member, letter);
            Path pdf = lotDir.resolve(letter + "-technical.pdf");
            if (b.has("sameFileAs")) {
                Files.copy(pdfs.get(b.get("sameFileAs").asText()), pdf);
            } else {
                JsonNode text = b.get("text");
                List<String> own = text.has("copyOf")
                        ? CorpusTexts.rewrite(ownTexts.get(text.get("copyOf").asText()), text.get("rewrite").asDouble(),
                                text.get("seed").asLong())
                        : new ArrayList<>(CorpusTexts.sentences(text.get("seed").asLong(), text.get("sentences").asInt()));
                if (text.has("quote")) {
                    own.addAll(CorpusTexts.sentences(text.get("quote").get("seed").asLong(),
                            text.get("quote").get("sentences").asInt()));
                }
                strings(text.get("extra")).forEach(own::add);
                ownTexts.put(letter, own);
                List<String> lines = new ArrayList<>(
                        tenderSentences.subList(0, Math.min(tenderSentences.size(), text.path("boilerplate").asInt(0))));
                lines.addAll(own);
                JsonNode meta = b.path("pdf");
                CorpusPdfs.write(pdf, lines, new CorpusPdfs.Meta(text(meta, "author"), text(meta, "creator"),
                        instant(meta, "created"), instant(meta, "modified"), text(meta, "documentId")),
                        member.toString().replace("-", ""));
            }
            pdfs.put(letter, pdf);
            JsonNode party = b.path("party");
            bidders.add(new LotEvidence.Bidder(member, letter, new BigDecimal(b.get("price").asText()),
                    new LotEvidence.Machine(strings(b.get("mac")), text(b, "cpu"), strings(b.get("disk"))),
                    set(b, "ip"), set(b, "device"), set(b, "downloadIp"), set(b, "payer"),
                    List.of(FileFactsReader.read(pdf.getFileName().toString(), pdf)),
                    new LotEvidence.Party(text(party, "legalRepresentative"), text(party, "controller"),
                            new HashSet<>(strings(party.get("phones"))), new HashSet<>(strings(party.get("emails"))),
                            text(party, "address"), Set.of())));
        }
        List<LotEvidence.PastLot> recent = new ArrayList<>();
        for (JsonNode past : lot.path("recentLots")) {
            Set<UUID> who = new HashSet<>();
            strings(past.get("bidders")).forEach(l -> who.add(ids.computeIfAbsent(l,
                    x -> UUID.nameUUIDFromBytes((lotName + "/" + x).getBytes()))));
            recent.add(new LotEvidence.PastLot(past.get("lot").asText(), who, ids.get(past.get("winner").asText())));
        }
        Set<Expected> expected = new HashSet<>();
        for (JsonNode e : lot.get("expected")) {
            expected.add(new Expected(e.get("kind").asText(), new HashSet<>(strings(e.get("bidders")))));
        }
        LotEvidence evidence = new LotEvidence(bidders, String.join("\n", tenderSentences), Set.of(),
                new BigDecimal(lot.get("maximumPrice").asText()), recent);
        return new Lot(lotName, lot.get("honest").asBoolean(), evidence, expected, names, tenderSentences);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static Set<String> set(JsonNode node, String field) {
        return node.has(field) ? Set.of(node.get(field).asText()) : Set.of();
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        return node.has(field) ? Instant.parse(node.get(field).asText()) : null;
    }
}
