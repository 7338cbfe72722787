package org.sunbid.supervision.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.bid.SealedUntilOpening;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.supervision.CanonicalJson;
import org.sunbid.supervision.SealedDetails;

/**
 * Sealed until the opening: an entry about a lot's bids or about a tender-document download is logged when it happens,
 * but who and from where (account, IP, device, the event's fields with its file hash) are replaced in the leaf by a
 * commitment, SHA-256(salt || revealed) with a random 256-bit salt, and {@code salt || revealed} is sealed (CMS
 * EnvelopedData) to the opening certificates of the lots concerned. When the custodians rebuild a lot's opening key
 * the details are opened, checked against the commitment and stored; until then nobody, the platform included, can
 * read them. {@code revealed} is the canonical JSON of actor, clientIp, details (the original canonical text), device
 * and subject.
 */
@Component
public class EntrySealing implements SealedUntilOpening {

    private static final Logger log = LoggerFactory.getLogger(EntrySealing.class);

    /** Actions whose entries are sealed until the opening of the lots they concern. */
    static final Set<String> SEALED_ACTIONS = Set.of("bid.bid-submitted", "bid.bid-refused", "bid.bid-replaced",
            "bid.bid-withdrawn", "project.tender-documents-downloaded", "deposit.guarantee-accepted",
            "deposit.guarantee-refused");
    private static final String RECEIPT_ISSUED = "document.document-issued";
    /** The actor shown while the details are sealed. */
    static final String SEALED_ACTOR = "sealed";
    private static final int SALT_BYTES = 32;

    private final OpeningKeys openingKeys;
    private final Entries entries;
    private final LogWriter writer;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    EntrySealing(OpeningKeys openingKeys, Entries entries, LogWriter writer, Clock clock) {
        this.openingKeys = openingKeys;
        this.entries = entries;
        this.writer = writer;
        this.clock = clock;
    }

    /** The entry as it is logged: sealed when its action is one of {@link #SEALED_ACTIONS}, otherwise unchanged. */
    LogWriter.Pending seal(LogWriter.Pending entry, Map<String, Object> fields) {
        if (RECEIPT_ISSUED.equals(entry.action()) && String.valueOf(fields.get("kind")).endsWith("RECEIPT")) {
            // a receipt is issued in its bidder's own request: who and from where are those of the sealed bid entry
            return new LogWriter.Pending(entry.at(), SEALED_ACTOR, entry.actorRole(), entry.action(), entry.subject(),
                    entry.details(), entry.detailsSha256(), null, null);
        }
        if (!SEALED_ACTIONS.contains(entry.action())) {
            return entry;
        }
        Object lot = fields.get("lot");
        Object project = fields.get("projectId");
        Map<UUID, X509Certificate> recipients = new LinkedHashMap<>();
        String subject;
        if (lot != null) {
            UUID id = UUID.fromString(lot.toString());
            openingKeys.findCertificate(LotId.of(id)).ifPresent(c -> recipients.put(id, c));
            subject = id.toString();
        } else {
            UUID id = UUID.fromString(String.valueOf(project));
            openingKeys.certificatesOfProject(ProjectId.of(id)).forEach((l, c) -> recipients.put(l.value(), c));
            subject = id.toString();
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] revealed = revealedOf(entry).getBytes(StandardCharsets.UTF_8);
        byte[] commitment = commitment(salt, revealed);
        byte[] envelope = null;
        if (recipients.isEmpty()) {
            log.warn("{} entry about {} has no opening key to seal its details to: they are withheld for good",
                    entry.action(), subject);
        } else {
            envelope = envelope(salt, revealed, List.copyOf(recipients.values()));
        }
        Arrays.fill(revealed, (byte) 0);
        Map<String, Object> leafDetails = new LinkedHashMap<>();
        leafDetails.put("commitment", HexFormat.of().formatHex(commitment));
        leafDetails.put("lots", recipients.keySet().stream().map(UUID::toString).toList());
        leafDetails.put("sealedUntil", "opening");
        String details = CanonicalJson.write(leafDetails);
        return new LogWriter.Pending(entry.at(), SEALED_ACTOR, entry.actorRole(), entry.action(), subject, details,
                LogWriter.sha256(details.getBytes(StandardCharsets.UTF_8)), null, null,
                new LogWriter.Sealed(List.copyOf(recipients.keySet()), commitment, envelope));
    }

    static String revealedOf(LogWriter.Pending entry) {
        Map<String, Object> revealed = new LinkedHashMap<>();
        revealed.put("actor", entry.actor());
        revealed.put("clientIp", entry.clientIp());
        revealed.put("details", entry.details());
        revealed.put("device", entry.deviceFingerprint());
        revealed.put("subject", entry.subject());
        return CanonicalJson.write(revealed);
    }

    static byte[] commitment(byte[] salt, byte[] revealed) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(revealed);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] envelope(byte[] salt, byte[] revealed, List<X509Certificate> recipients) {
        byte[] plain = new byte[salt.length + revealed.length];
        System.arraycopy(salt, 0, plain, 0, salt.length);
        System.arraycopy(revealed, 0, plain, salt.length, revealed.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 1024);
        try {
            Sealer.seal(new ByteArrayInputStream(plain), out, recipients, openingKeys.profile().contentCipher());
        } catch (IOException e) {
            throw new IllegalStateException("cannot seal log details", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return out.toByteArray();
    }

    /**
     * The lot's opening key was rebuilt: open every entry sealed to it, check each against its commitment and store
     * what it hid. An envelope that does not open or does not match its commitment is left sealed and reported.
     */
    @Override
    public void openingKeyRebuilt(LotId lot, SigningKey openingKey) {
        writer.flush(Duration.ofSeconds(10));
        int revealed = 0;
        for (Entries.SealedRow row : entries.unrevealed(lot.value())) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            boolean opened = Opener.openUnverifiedInto(new ByteArrayInputStream(row.envelope()), openingKey, plain)
                    .isOpened();
            byte[] bytes = plain.toByteArray();
            if (!opened || bytes.length < SALT_BYTES) {
                log.error("supervision entry {}: its sealed details do not open with the opening key of lot {}",
                        row.seq(), lot);
                continue;
            }
            byte[] salt = Arrays.copyOf(bytes, SALT_BYTES);
            byte[] text = Arrays.copyOfRange(bytes, SALT_BYTES, bytes.length);
            if (!MessageDigest.isEqual(commitment(salt, text), row.commitment())) {
                log.error("supervision entry {}: its sealed details do not match their commitment", row.seq());
                continue;
            }
            entries.reveal(row.seq(), new String(text, StandardCharsets.UTF_8), salt, clock.instant());
            revealed++;
        }
        log.info("supervision log: {} sealed entries about lot {} revealed at its opening", revealed, lot);
    }

    /**
     * What a sealed entry hid, once revealed, with a fresh check of SHA-256(salt || revealed) against the commitment
     * its leaf (not the side table) carries.
     */
    public Optional<SealedDetails> revealed(long seq) {
        return entries.sealed(seq).map(row -> {
            String leafCommitment = entries.find(seq).map(e -> commitmentIn(e.details())).orElse(null);
            boolean matches = row.revealed() != null && leafCommitment != null && leafCommitment.equals(HexFormat.of()
                    .formatHex(commitment(row.salt(), row.revealed().getBytes(StandardCharsets.UTF_8))));
            return new SealedDetails(seq, row.lots(), leafCommitment, row.revealed(),
                    row.salt() == null ? null : HexFormat.of().formatHex(row.salt()), row.revealedAt(), matches);
        });
    }

    private static String commitmentIn(String details) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"commitment\":\"([0-9a-f]{64})\"").matcher(details);
        return m.find() ? m.group(1) : null;
    }

}
