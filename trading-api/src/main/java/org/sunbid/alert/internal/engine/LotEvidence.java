package org.sunbid.alert.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the signals look at for one lot, gathered after the opening: the opened bids, the tender documents'
 * own text and file hashes (what every bidder may copy), the maximum price and the tenderee's recent lots.
 */
public record LotEvidence(List<Bidder> bidders, String tenderText, Set<String> tenderFileHashes, BigDecimal maximumPrice,
        List<PastLot> recentLots) {

    public LotEvidence {
        bidders = List.copyOf(bidders);
        tenderText = tenderText == null ? "" : tenderText;
        tenderFileHashes = Set.copyOf(tenderFileHashes);
        recentLots = List.copyOf(recentLots);
    }

    /** One opened bid and what is known about its bidder. */
    public record Bidder(UUID member, String name, BigDecimal price, Machine machine, Set<String> uploadIps,
            Set<String> devices, Set<String> downloadIps, Set<String> payerAccounts, List<FileFacts> files,
            Party party) {

        public Bidder {
            machine = machine == null ? Machine.NONE : machine;
            uploadIps = Set.copyOf(uploadIps);
            devices = Set.copyOf(devices);
            downloadIps = Set.copyOf(downloadIps);
            payerAccounts = Set.copyOf(payerAccounts);
            files = List.copyOf(files);
            party = party == null ? Party.NONE : party;
        }

        /** The technical text of all of this bid's PDFs, in package order. */
        public String text() {
            StringBuilder b = new StringBuilder();
            files.forEach(f -> b.append(f.text() == null ? "" : f.text()).append('\n'));
            return b.toString();
        }
    }

    /** Where the bid file was prepared, from the bid form's {@code fingerprint}. */
    public record Machine(List<String> macs, String cpu, List<String> disks) {
        public static final Machine NONE = new Machine(List.of(), null, List.of());

        public Machine {
            macs = macs == null ? List.of() : List.copyOf(macs);
            disks = disks == null ? List.of() : List.copyOf(disks);
        }
    }

    /** A file in the opened package: its hash, and for PDFs what its metadata and text say. */
    public record FileFacts(String name, String sha256, String author, String creator, String documentId,
            String xmpInstanceId, Instant created, Instant modified, String text) {
    }

    /** Who stands behind the bidder, from the member registry. */
    public record Party(String legalRepresentativeId, String controllerCode, Set<String> phones, Set<String> emails,
            String address, Set<UUID> relatedMembers) {
        public static final Party NONE = new Party(null, null, Set.of(), Set.of(), null, Set.of());

        public Party {
            phones = Set.copyOf(phones);
            emails = Set.copyOf(emails);
            relatedMembers = Set.copyOf(relatedMembers);
        }
    }

    /** One of the same tenderee's recent lots: who bid and who won. */
    public record PastLot(String lotName, Set<UUID> bidders, UUID winner) {
        public PastLot {
            bidders = Set.copyOf(bidders);
        }
    }
}
