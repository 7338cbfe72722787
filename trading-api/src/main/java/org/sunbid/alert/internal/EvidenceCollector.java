package org.sunbid.alert.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.sunbid.alert.DepositPayers;
import org.sunbid.alert.internal.engine.FileFactsReader;
import org.sunbid.alert.internal.engine.LotEvidence;
import org.sunbid.member.MemberManagement;
import org.sunbid.member.MemberViews;
import org.sunbid.opening.OpenedPackages;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import tools.jackson.databind.JsonNode;

/**
 * Gathers a lot's evidence after its opening: each opened package's bid form (machine fingerprint) and documents,
 * the addresses and devices of upload, download and decryption, deposit payers (through the port), the member
 * registry's parties and contacts, and the tender documents' own text and file hashes.
 */
@Component
class EvidenceCollector {

    private static final Logger log = LoggerFactory.getLogger(EvidenceCollector.class);
    /** No single document in a package is read beyond this (a ZIP bomb stops here). */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    private final OpenedPackages bids;
    private final ProjectManagement projects;
    private final MemberManagement members;
    private final ObjectProvider<DepositPayers> payers;
    private final Alerts alerts;
    private final AwardHistory awards;
    private final PackageFacts packageFacts;
    private final java.time.Clock clock;

    EvidenceCollector(OpenedPackages bids, ProjectManagement projects, MemberManagement members,
            ObjectProvider<DepositPayers> payers, Alerts alerts, AwardHistory awards, PackageFacts packageFacts,
            java.time.Clock clock) {
        this.bids = bids;
        this.projects = projects;
        this.members = members;
        this.payers = payers;
        this.alerts = alerts;
        this.awards = awards;
        this.packageFacts = packageFacts;
        this.clock = clock;
    }

    /** The lot's evidence, or null when nothing was opened on it. */
    LotEvidence collect(UUID lot, List<OpenedPackages.OpenedBid> opened) {
        if (opened.isEmpty()) {
            return null;
        }
        UUID project = opened.get(0).project();
        Map<UUID, Set<String>> paid = new HashMap<>();
        payers.getIfAvailable(() -> l -> Map.of()).payerAccounts(new LotId(lot))
                .forEach((member, accounts) -> paid.put(member.value(), accounts));
        Map<UUID, Set<String>> traceIps = new HashMap<>();
        Map<UUID, Set<String>> traceDevices = new HashMap<>();
        for (Alerts.Trace t : alerts.traces(project, lot)) {
            if (t.clientIp() != null) {
                traceIps.computeIfAbsent(t.member(), k -> new HashSet<>()).add(t.clientIp());
            }
            if (t.device() != null) {
                traceDevices.computeIfAbsent(t.member(), k -> new HashSet<>()).add(t.device());
            }
        }
        // PDF text extraction dominates a first assessment: each package is read once, on every core, and kept
        Map<UUID, List<LotEvidence.FileFacts>> documents = opened.parallelStream().collect(java.util.stream.Collectors
                .toMap(OpenedPackages.OpenedBid::bid, b -> b.content().map(c -> packageFacts.of(b.bid(), c).files())
                        .orElse(List.of())));
        List<LotEvidence.Bidder> bidders = new ArrayList<>();
        for (OpenedPackages.OpenedBid b : opened) {
            Set<String> devices = new HashSet<>(traceDevices.getOrDefault(b.member(), Set.of()));
            if (b.deviceFingerprint() != null && !List.of("null", "{}", "").contains(b.deviceFingerprint().strip())) {
                devices.add(b.deviceFingerprint());
            }
            bidders.add(new LotEvidence.Bidder(b.member(), name(b.member()), b.price(), machine(b.bidForm()),
                    b.uploadIp() == null ? Set.of() : Set.of(b.uploadIp()), devices,
                    traceIps.getOrDefault(b.member(), Set.of()), paid.getOrDefault(b.member(), Set.of()),
                    documents.get(b.bid()), party(b.member())));
        }
        List<LotEvidence.FileFacts> tender = tenderDocuments(project);
        Set<String> tenderHashes = new HashSet<>();
        StringBuilder tenderText = new StringBuilder();
        tender.forEach(f -> {
            tenderHashes.add(f.sha256());
            if (f.text() != null) {
                tenderText.append(f.text()).append('\n');
            }
        });
        // the lot's published estimate (招标控制价) is its maximum price; the tenderee's recent awards feed the rotation
        var p = projects.findIfVisible(AwardHistory.PLATFORM, ProjectId.of(project));
        java.math.BigDecimal maximum = p.flatMap(v -> v.lots().stream().filter(l -> l.id().equals(lot)).findFirst())
                .map(org.sunbid.project.ProjectView.LotView::estimate).orElse(null);
        List<LotEvidence.PastLot> recent = p.map(v -> awards.recent(v.tendereeMemberId(), lot, clock.instant()))
                .orElse(List.of());
        return new LotEvidence(bidders, tenderText.toString(), tenderHashes, maximum, recent);
    }

    private String name(UUID member) {
        return members.find(MemberId.of(member)).map(MemberViews.MemberDetails::name).orElse(member.toString());
    }

    static LotEvidence.Machine machine(String formJson) {
        if (formJson == null) {
            return LotEvidence.Machine.NONE;
        }
        try {
            JsonNode f = Alerts.JSON.readTree(formJson).path("fingerprint");
            List<String> macs = new ArrayList<>();
            f.path("mac").forEach(n -> macs.add(n.asText()));
            List<String> disks = new ArrayList<>();
            f.path("disk").forEach(n -> disks.add(n.asText()));
            return new LotEvidence.Machine(macs, f.path("cpu").isTextual() ? f.path("cpu").asText() : null, disks);
        } catch (RuntimeException e) {
            return LotEvidence.Machine.NONE;
        }
    }

    private LotEvidence.Party party(UUID member) {
        return members.find(MemberId.of(member)).map(MemberViews.MemberDetails::company).map(c -> {
            Set<String> phones = new HashSet<>();
            Set<String> emails = new HashSet<>();
            c.contacts().forEach(contact -> {
                if (contact.phone() != null) {
                    phones.add(contact.phone().replaceAll("[^0-9+]", ""));
                }
                if (contact.email() != null) {
                    emails.add(contact.email().strip().toLowerCase(Locale.ROOT));
                }
            });
            Set<UUID> related = new HashSet<>();
            members.relatedMembers(MemberId.of(member)).forEach(r -> related.add(r.id()));
            return new LotEvidence.Party(c.legalRepresentative() == null ? null : c.legalRepresentative().idNumber(),
                    c.controllingShareholder() == null ? null : c.controllingShareholder().uscc(), phones, emails,
                    c.address(), related);
        }).orElse(LotEvidence.Party.NONE);
    }

    /** Every file under {@code documents/} of an opened package (a ZIP), with its hash, metadata and text. */
    static List<LotEvidence.FileFacts> documents(Path content) {
        List<LotEvidence.FileFacts> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(content.toFile())) {
            out.addAll(zipped(zip, "documents/"));
        } catch (IOException notAZip) {
            log.debug("opened package {} is not a ZIP: compared by its bid form only", content.getFileName());
        }
        return out;
    }

    private static List<LotEvidence.FileFacts> zipped(ZipFile zip, String prefix) throws IOException {
        List<LotEvidence.FileFacts> out = new ArrayList<>();
        List<? extends ZipEntry> entries = java.util.Collections.list((Enumeration<? extends ZipEntry>) zip.entries());
        for (ZipEntry e : entries) {
            if (e.isDirectory() || !e.getName().startsWith(prefix)) {
                continue;
            }
            Path tmp = Files.createTempFile("sunbid-alert-", ".bin");
            try (InputStream in = zip.getInputStream(e)) {
                Files.copy(limited(in), tmp, StandardCopyOption.REPLACE_EXISTING);
                String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                out.add(FileFactsReader.read(name, tmp));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        return out;
    }

    private static InputStream limited(InputStream in) {
        return new java.io.FilterInputStream(in) {
            long left = MAX_ENTRY_BYTES;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** The tender documents as files: the PDF itself, or each file of a ZIP. */
    private List<LotEvidence.FileFacts> tenderDocuments(UUID project) {
        var file = projects.tenderDocumentsFile(ProjectId.of(project));
        if (file.isEmpty() || !Files.isRegularFile(file.get().path())) {
            return List.of();
        }
        Path path = file.get().path();
        String name = file.get().fileName() == null ? "" : file.get().fileName().toLowerCase(Locale.ROOT);
        List<LotEvidence.FileFacts> out = new ArrayList<>();
        try {
            if (name.endsWith(".zip")) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    out.addAll(zipped(zip, ""));
                }
            }
            out.add(FileFactsReader.read(name.endsWith(".pdf") ? name : name + ".bin", path));
        } catch (IOException e) {
            log.warn("tender documents of project {} unreadable: compared without the template", project);
        }
        return out;
    }

}
