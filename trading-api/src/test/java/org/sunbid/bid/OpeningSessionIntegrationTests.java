package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.sunbid.identity.Role;
import org.sunbid.opening.DecryptLot;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.scheduler.Firing;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.scheduler.ScheduledTask;
import org.sunbid.signing.cms.CmsSigner;
import org.sunbid.signing.seal.ContentCipher;
import org.sunbid.signing.seal.OpenResult;
import org.sunbid.signing.seal.Opener;
import org.sunbid.signing.seal.Sealer;
import org.sunbid.signing.threshold.Share;
import org.sunbid.signing.threshold.ThresholdKeys;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** The opening session (开标大厅): joining, the hidden count, live rows, self-decryption, the window, confirmations and objections. */
class OpeningSessionIntegrationTests extends BidScenario {

    @Autowired
    JobScheduler scheduler;

    @Autowired
    org.sunbid.opening.internal.OpeningNode openingNode;

    @Autowired
    DecryptLot decryptLot;

    @Autowired
    org.sunbid.scheduler.QuartzJobScheduler quartz;

    @Autowired
    List<ScheduledTask> tasks;

    ScheduledTask closeWindowJob;

    @BeforeEach
    void findJob() {
        closeWindowJob = tasks.stream().filter(t -> t.kind().equals("close-self-decrypt")).findFirst().orElseThrow();
    }

    /** A published lot, its custodians and staff, and bidders with cleared deposits. */
    final class Lot {
        final String staff;
        final List<Person> custodians;
        final UUID project;
        final UUID lot;
        final X509Certificate opening;
        final List<Person> bidders = new ArrayList<>();
        final Map<Person, UUID> bids = new java.util.HashMap<>();
        final Map<Person, byte[]> sealed = new java.util.HashMap<>();

        Lot(int bidders) throws Exception {
            staff = platform(Role.STAFF);
            custodians = custodians(3);
            UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
            project = ids[0];
            lot = ids[1];
            opening = openingCertificate(project, lot);
            for (int i = 0; i < bidders; i++) {
                Person bidder = member(Role.BIDDER, "开标测试投标人" + i);
                call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", project, lot, bidder.member())), 204);
                this.bidders.add(bidder);
            }
        }

        void submit(Person bidder, byte[] tender) throws Exception {
            JsonNode receipt = OpeningSessionIntegrationTests.this.submit(bidder, project, lot, tender);
            bids.put(bidder, UUID.fromString(receipt.get("bidId").asText()));
            sealed.put(bidder, tender);
        }

        void submitAll() throws Exception {
            for (int i = 0; i < bidders.size(); i++) {
                if (!bids.containsKey(bidders.get(i))) {
                    submit(bidders.get(i), sealedTender(bidders.get(i), lot, opening, (5_000_000 + i * 1000) + ".00"));
                }
            }
        }

        JsonNode view(String token, int status) throws Exception {
            return call(as(token, get("/api/openings/{p}/{l}", project, lot)), status);
        }

        JsonNode start() throws Exception {
            clock.advance(Duration.ofDays(25).plusMinutes(31));
            return call(as(staff, post("/api/openings/{p}/{l}/start", project, lot)), 200);
        }

        /** One custodian opens its sealed share offline and releases it, signed; returns the session view. */
        JsonNode releaseShareOf(Person custodian) throws Exception {
            for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (s.get("lotId").asText().equals(lot.toString())) {
                    Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                    return decrypted(custodian.token(), project, lot, call(release(custodian, project, lot, share), 200));
                }
            }
            throw new AssertionError("the custodian holds no share of the lot");
        }

        /** Each custodian opens its sealed share offline and releases it, signed, until the threshold is reached. */
        JsonNode releaseShares() throws Exception {
            JsonNode session = null;
            int released = 0;
            for (Person custodian : custodians) {
                for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                    if (!s.get("lotId").asText().equals(lot.toString()) || released >= 2) {
                        continue;
                    }
                    Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                    session = decrypted(custodian.token(), project, lot, call(release(custodian, project, lot, share), 200));
                    released++;
                }
            }
            assertThat(released).isEqualTo(2);
            return session;
        }

        JsonNode row(JsonNode view, Person bidder) {
            for (JsonNode r : view.get("results")) {
                if (r.get("bidId").asText().equals(bids.get(bidder).toString())) {
                    return r;
                }
            }
            throw new AssertionError("no row for " + bids.get(bidder) + " in " + view);
        }

        JsonNode selfDecrypt(Person bidder, byte[] pkg, String key, int status) throws Exception {
            return selfDecrypt(bidder, bids.get(bidder), pkg, key, status);
        }

        JsonNode selfDecrypt(Person bidder, UUID bid, byte[] pkg, String key, int status) throws Exception {
            var request = post("/api/openings/{p}/{l}/bids/{b}/self-decryption", project, lot, bid)
                    .header("Authorization", Api.bearer(bidder.token())).contentType(MediaType.APPLICATION_OCTET_STREAM)
                    .content(pkg);
            if (key != null) {
                request.header("X-Content-Key", key);
            }
            return call(request, status);
        }

        void runCloseWindowJob() throws Exception {
            String subject = project + ":" + lot;
            closeWindowJob.run(new Firing("close-self-decrypt", subject, clock.instant(), clock.instant(), 1, "test"));
        }
    }

    /**
     * A tender the platform cannot open though it names the lot's opening certificate: the first recipient carries the
     * opening certificate's issuer and serial number but another key (as a broken bidding tool might write it); the
     * bidder's own recipient is sound. Returns the sealed file and the signed package inside it.
     */
    static byte[][] unopenableTender(Person bidder, UUID lot, X509Certificate opening, String price) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var keys = generator.generateKeyPair();
        X509Certificate lookalike = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                opening.getIssuerX500Principal(), opening.getSerialNumber(), opening.getNotBefore(), opening.getNotAfter(),
                opening.getSubjectX500Principal(), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        return soundTender(bidder, lot, lookalike, price);
    }

    /** A tender sealed to {@code opening} and the bidder's own certificate: the sealed file and its signed package. */
    static byte[][] soundTender(Person bidder, UUID lot, X509Certificate opening, String price) throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("bid-form.json"));
            z.write(("{\"lot\":\"" + lot + "\",\"price\":" + price + ",\"duration\":\"280 日历天\"}").getBytes(StandardCharsets.UTF_8));
        }
        byte[] signed = new CmsSigner(bidder.key()).sign(zip.toByteArray(), false);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, bidder.key().certificate()),
                ContentCipher.AES_256_GCM);
        return new byte[][] { sealed.toByteArray(), signed };
    }

    /** The platform cannot write the bid's content where it opens it: a failure of the platform's, not the bidder's. */
    void breakPlatformSideOf(UUID bid) throws Exception {
        Path sealed = bidFile(bid);
        Files.createDirectories(sealed.resolveSibling(bid + ".content").resolve("in-the-way"));
    }

    /** The disk is repaired after the opening's job failed on it (so the bidder's own decryption can be kept). */
    void repairPlatformSideOf(UUID bid) throws Exception {
        Path content = bidFile(bid).resolveSibling(bid + ".content");
        Files.delete(content.resolve("in-the-way"));
        Files.delete(content);
    }

    Path bidFile(UUID bid) {
        return properties.dataDir().resolve(jdbc.sql("select file from bid where id = ?").param(bid).query(String.class).single());
    }

    void awaitLogged(String action, UUID subject) {
        org.awaitility.Awaitility.await(action + " for " + subject + " is logged").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("select count(*) from supervision_entry where action = ? and subject = ?")
                        .params(action, subject.toString()).query(Integer.class).single() > 0);
    }

    /** The node that made the lot's session key dies (kill -9): its memory is gone, its heart stopped long ago. */
    void coordinatorDies(Lot lot) {
        UUID dead = UUID.randomUUID();
        jdbc.sql("insert into opening_node (node_id, started_at, heartbeat_at) values (?, now() - interval '1 hour', "
                + "now() - interval '1 hour')").param(dead).update();
        jdbc.sql("update opening_session_key set node_id = ? where lot_id = ? and retired_at is null").params(dead, lot.lot)
                .update();
        openingNode.forgetAll();
    }

    /** Another node, alive, made the lot's session key (this node does not hold it). */
    UUID anotherLiveNodeHoldsTheKey(Lot lot) {
        UUID other = UUID.randomUUID();
        jdbc.sql("insert into opening_node (node_id, started_at, heartbeat_at) values (?, now(), now() + interval '1 hour')")
                .param(other).update();
        jdbc.sql("update opening_session_key set node_id = ? where lot_id = ? and retired_at is null").params(other, lot.lot)
                .update();
        return other;
    }

    /** One custodian's release, answered at once (the decrypt-bids job runs on its own). */
    JsonNode releaseOnly(Lot lot, Person custodian) throws Exception {
        for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
            if (s.get("lotId").asText().equals(lot.lot.toString())) {
                Share share = ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
                return call(release(custodian, lot.project, lot.lot, share), 200);
            }
        }
        throw new AssertionError("the custodian holds no share of the lot");
    }

    int decryptJobRuns(Lot lot) {
        return jdbc.sql("select count(*) from scheduler_firing where kind = 'decrypt-bids' and subject like ? and status = 'FIRED'")
                .param(lot.project + ":" + lot.lot + ":%").query(Integer.class).single();
    }

    @Test
    void theNodeHoldingTheSessionKeyDiesMidOpeningAndTheCustodiansReleaseAgainToANewKey() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        releaseOnly(lot, lot.custodians.get(0));
        // the first release reached another node, which made the session key and still lives
        UUID holder = anotherLiveNodeHoldsTheKey(lot);
        assertThat(releaseOnly(lot, lot.custodians.get(1)).get("status").asText()).isEqualTo("OPENING");

        // the scheduler hands the decrypt-bids job to this node, which does not hold the key: it offers it again
        org.awaitility.Awaitility.await("the job handed on").atMost(Duration.ofSeconds(60)).until(() -> decryptJobRuns(lot) >= 2);
        assertThat(lot.view(lot.staff, 200).get("status").asText()).isEqualTo("OPENING");

        // the key's node is killed (kill -9) in the middle of a bid: that bid was decrypting, the others still queued
        UUID half = lot.bids.get(lot.bidders.get(0));
        jdbc.sql("insert into opening_progress (bid_id, lot_id, member_id, stage, updated_at) values (?, ?, ?, 'DECRYPTING', now())")
                .params(half, lot.lot, lot.bidders.get(0).member()).update();
        jdbc.sql("update opening_node set heartbeat_at = now() - interval '1 hour' where node_id = ?").param(holder).update();
        org.awaitility.Awaitility.await("the lost key noticed").atMost(Duration.ofSeconds(60))
                .until(() -> lot.view(lot.staff, 200).get("status").asText().equals("WAITING_FOR_SHARES"));
        JsonNode lost = lot.view(lot.staff, 200);
        assertThat(lost.get("releasedShares")).as("the custodians are asked to release again").isEmpty();
        assertThat(lost.get("custodians")).noneMatch(c -> c.get("released").asBoolean());
        assertThat(lot.row(lost, lot.bidders.get(0)).get("stage").asText()).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select count(*) from sealed_share_release where lot_id = ?").param(lot.lot).query(Integer.class)
                .single()).as("shares sealed to the lost key are void and deleted").isZero();
        awaitLogged("bid.opening-session-key-lost", lot.lot);
        assertThat(decryptLot.run(ProjectId.of(lot.project), LotId.of(lot.lot), 99))
                .as("a late run of the lost job changes nothing").isEqualTo(DecryptLot.Outcome.NOTHING_TO_DO);

        // the custodians release again, to a key this node makes, and every bid is opened
        lot.releaseShareOf(lot.custodians.get(0));
        JsonNode opened = lot.releaseShareOf(lot.custodians.get(1));
        assertThat(opened.get("status").asText()).isEqualTo("OPENED");
        assertThat(opened.get("results")).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("stage").asText()).isEqualTo("OPENED");
            assertThat(r.get("signature").asText()).isEqualTo("VALID");
        });
        assertThat(jdbc.sql("select count(*) from opening_session_key where lot_id = ?").param(lot.lot).query(Integer.class)
                .single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from opening_session_key where lot_id = ? and retired_at is null")
                .param(lot.lot).query(Integer.class).single()).as("the session is over: no key is current").isZero();
    }

    @Test
    void theNodeHoldingTheSessionKeyOpensTheLotThoughTheSchedulerNeverHandsItTheJob() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        // the scheduler gives this node nothing (as when every decrypt-bids firing goes to the other node)
        quartz.standby();
        try {
            releaseOnly(lot, lot.custodians.get(0));
            assertThat(releaseOnly(lot, lot.custodians.get(1)).get("status").asText()).isEqualTo("OPENING");
            org.awaitility.Awaitility.await("the holder's own sweep opens the lot").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> lot.view(lot.staff, 200).get("status").asText().equals("OPENED"));
            assertThat(decryptJobRuns(lot)).as("no decrypt-bids firing ran").isZero();
        } finally {
            quartz.start();
        }
        JsonNode opened = lot.view(lot.staff, 200);
        assertThat(opened.get("results")).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("stage").asText()).isEqualTo("OPENED");
            assertThat(r.get("signature").asText()).isEqualTo("VALID");
        });
        org.awaitility.Awaitility.await("the late firing ran").atMost(Duration.ofSeconds(60))
                .until(() -> decryptJobRuns(lot) >= 1);
        assertThat(lot.view(lot.staff, 200).get("results")).as("the late firing changes nothing").isEqualTo(opened.get("results"));
    }

    /** The custodian's share of the lot, opened offline with its own key. */
    Share shareOf(Lot lot, Person custodian) throws Exception {
        for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
            if (s.get("lotId").asText().equals(lot.lot.toString())) {
                return ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key());
            }
        }
        throw new AssertionError("the custodian holds no share of the lot");
    }

    int rows(String table, Lot lot) {
        return jdbc.sql("select count(*) from " + table + " where lot_id = ?").param(lot.lot).query(Integer.class).single();
    }

    JsonNode postRelease(Lot lot, Person custodian, Map<String, Object> body, int status) throws Exception {
        return call(as(custodian.token(), post("/api/openings/{p}/{l}/shares", lot.project, lot.lot)).content(Api.json(body)),
                status);
    }

    @Test
    void theServerRefusesAShareInClearAndStoresOnlyWhatTheCustodianSealedToTheSessionKey() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        Person custodian = lot.custodians.get(0);
        Share share = shareOf(lot, custodian);
        String json = share.toJson();
        CmsSigner signer = new CmsSigner(custodian.key());

        // the share in clear, signed as releases used to be: refused, nothing recorded
        JsonNode clear = postRelease(lot, custodian, Map.of("share", json, "signature",
                Base64.getEncoder().encodeToString(signer.sign(json.getBytes(StandardCharsets.UTF_8), true))), 422);
        assertThat(clear.get("type").asText()).endsWith("/clear-share-refused");
        assertThat(clear.get("field").asText()).isEqualTo("share");
        // the clear share passed off as a sealed one, or sealed to the lot's opening certificate instead: refused
        JsonNode session = call(as(custodian.token(), get("/api/openings/{p}/{l}/session-key", lot.project, lot.lot)), 200);
        String keyId = session.get("keyId").asText();
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        JsonNode disguised = postRelease(lot, custodian, Map.of("keyId", keyId, "index", share.index(),
                "sealedShare", Base64.getEncoder().encodeToString(plain),
                "signature", Base64.getEncoder().encodeToString(signer.sign(plain, true))), 422);
        assertThat(disguised.get("type").asText()).endsWith("/not-sealed-to-session-key");
        byte[] toOpening = ThresholdKeys.seal(share, lot.opening, ContentCipher.AES_256_GCM);
        JsonNode misaddressed = postRelease(lot, custodian, Map.of("keyId", keyId, "index", share.index(),
                "sealedShare", Base64.getEncoder().encodeToString(toOpening),
                "signature", Base64.getEncoder().encodeToString(signer.sign(toOpening, true))), 422);
        assertThat(misaddressed.get("type").asText()).endsWith("/not-sealed-to-session-key");
        // another custodian cannot release this custodian's share, even sealed and signed by itself
        Map<String, Object> sealed = org.sunbid.support.CustodianClient.sealedRelease(session, lot.lot, share,
                lot.custodians.get(1).key(), trust.root());
        postRelease(lot, lot.custodians.get(1), sealed, 403);
        assertThat(rows("sealed_share_release", lot)).isZero();
        assertThat(rows("share_release", lot)).isZero();

        // the custodian's client seals it: neither the request nor the database ever holds the share
        String body = sealedRelease(custodian, lot.project, lot.lot, share);
        assertThat(body).doesNotContain(Base64.getEncoder().encodeToString(share.value()))
                .doesNotContain(java.util.HexFormat.of().formatHex(share.value())).doesNotContain("sunbid-share");
        call(as(custodian.token(), post("/api/openings/{p}/{l}/shares", lot.project, lot.lot)).content(body), 200);
        byte[] stored = jdbc.sql("select envelope from sealed_share_release where lot_id = ?").param(lot.lot)
                .query(byte[].class).single();
        assertThat(stored).as("stored byte for byte as the custodian sealed it: the server had nothing to re-seal")
                .isEqualTo(Base64.getDecoder().decode(Api.JSON.readTree(body).get("sealedShare").asText()));
        for (var key : keysAtRest()) {
            assertThatThrownBy(() -> ThresholdKeys.open(stored, key)).as("no key at rest opens a sealed release")
                    .isInstanceOf(org.sunbid.signing.threshold.ShareException.class);
        }
        assertNothingAtRest(lot.opening, List.of(share.value()), List.of(share), "after a sealed release");
    }

    @Test
    void aShareSealedToARetiredSessionKeyIsRefusedAndSealedAgainToTheNewKey() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        Person first = lot.custodians.get(0);
        Share share = shareOf(lot, first);
        String sealedToOld = sealedRelease(first, lot.project, lot.lot, share);
        X509Certificate oldCertificate = org.sunbid.signing.certs.Certificates.parse(jdbc.sql(
                "select certificate from opening_session_key where lot_id = ?").param(lot.lot).query(byte[].class).single());

        // the coordinating node is killed before the release arrives: the release names a void key
        coordinatorDies(lot);
        JsonNode refused = call(as(first.token(), post("/api/openings/{p}/{l}/shares", lot.project, lot.lot))
                .content(sealedToOld), 409);
        assertThat(refused.get("type").asText()).endsWith("/session-key-retired");
        assertThat(refused.get("field").asText()).isEqualTo("keyId");
        assertThat(rows("sealed_share_release", lot)).isZero();

        // the client asks again: a new session key, and the share sealed to it is taken
        JsonNode again = call(release(first, lot.project, lot.lot, share), 200);
        assertThat(again.get("releasedShares")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from opening_session_key where lot_id = ? and retired_at is not null")
                .param(lot.lot).query(Integer.class).single()).isEqualTo(1);

        // a share sealed to the retired key but labelled with the new key's id is refused too
        Person second = lot.custodians.get(1);
        Share other = shareOf(lot, second);
        var stale = org.sunbid.signing.threshold.SessionRelease.seal(other, oldCertificate, second.key());
        String currentKey = jdbc.sql("select key_id::text from opening_session_key where lot_id = ? and retired_at is null")
                .param(lot.lot).query(String.class).single();
        JsonNode relabelled = postRelease(lot, second, Map.of("keyId", currentKey, "index", other.index(),
                "sealedShare", Base64.getEncoder().encodeToString(stale.envelope()),
                "signature", Base64.getEncoder().encodeToString(stale.signature())), 422);
        assertThat(relabelled.get("type").asText()).endsWith("/not-sealed-to-session-key");

        JsonNode opened = decrypted(second.token(), lot.project, lot.lot, call(release(second, lot.project, lot.lot, other), 200));
        assertThat(opened.get("status").asText()).isEqualTo("OPENED");
        assertThat(opened.get("results")).hasSize(3).allSatisfy(r -> assertThat(r.get("signature").asText()).isEqualTo("VALID"));
    }

    @Test
    void aSealedReleaseThatIsNotTheCustodiansShareIsVoidAndTheCustodianIsAskedAgain() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        Person first = lot.custodians.get(0);
        Person second = lot.custodians.get(1);
        Share share = shareOf(lot, first);
        byte[] flipped = share.value();
        flipped[0] ^= 1;
        Share corrupted = new Share(share.splitId(), share.index(), share.threshold(), share.total(), flipped,
                share.shareCommitments(), share.secretCommitment());

        // sealed by the client, the platform cannot look inside: the release is taken, and checked when opened
        call(release(first, lot.project, lot.lot, corrupted), 200);
        JsonNode back = decrypted(second.token(), lot.project, lot.lot,
                call(release(second, lot.project, lot.lot, shareOf(lot, second)), 200));
        assertThat(back.get("status").asText()).as("fewer than k good shares: waiting again").isEqualTo("WAITING_FOR_SHARES");
        assertThat(back.get("releasedShares")).hasSize(1);
        assertThat(back.get("results")).allSatisfy(r -> assertThat(r.get("stage").asText()).isEqualTo("QUEUED"));
        awaitLogged("bid.share-release-refused", lot.lot);

        JsonNode opened = decrypted(first.token(), lot.project, lot.lot, call(release(first, lot.project, lot.lot, share), 200));
        assertThat(opened.get("status").asText()).isEqualTo("OPENED");
        assertThat(opened.get("results")).hasSize(3).allSatisfy(r -> assertThat(r.get("signature").asText()).isEqualTo("VALID"));
    }

    @Test
    void theHallStreamsEachChangeAsServerSentEventsToWhoMayFollowIt() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        Person outsider = member(Role.BIDDER, "未投标公司");
        call(as(outsider.token(), get("/api/openings/{p}/{l}/events", lot.project, lot.lot)), 404);

        var stream = mvc.perform(as(lot.staff, get("/api/openings/{p}/{l}/events", lot.project, lot.lot)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        var response = stream.getResponse();
        java.util.function.Supplier<List<String>> events = () -> {
            try {
                return java.util.Arrays.stream(response.getContentAsString(StandardCharsets.UTF_8).split("\n\n"))
                        .filter(e -> e.startsWith("event:hall")).toList();
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        };
        org.awaitility.Awaitility.await("the hall at once").atMost(Duration.ofSeconds(10))
                .until(() -> events.get().size() == 1);
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        assertThat(events.get().get(0)).contains("\"status\":\"WAITING_FOR_SHARES\"");

        lot.releaseShareOf(lot.custodians.get(0));
        org.awaitility.Awaitility.await("the release is pushed").atMost(Duration.ofSeconds(10))
                .until(() -> events.get().size() == 2);
        assertThat(events.get().get(1)).contains("\"released\":true");
        lot.releaseShareOf(lot.custodians.get(1));
        org.awaitility.Awaitility.await("the opening is pushed").atMost(Duration.ofSeconds(20))
                .until(() -> events.get().get(events.get().size() - 1).contains("\"status\":\"OPENED\""));
        int pushed = events.get().size();
        org.awaitility.Awaitility.await("nothing but changes is pushed (the clock alone is no change)")
                .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> events.get().size() == pushed);
        stream.getRequest().getAsyncContext().complete();
    }

    @Test
    void anInsiderFindsNoShareAndNoOpeningKeyInTheDatabaseOrTheBlobsAfterTheOpening() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        List<Share> shares = new ArrayList<>();
        for (Person custodian : lot.custodians.subList(0, 2)) {
            for (JsonNode s : call(as(custodian.token(), get("/api/custodians/me/shares")), 200)) {
                if (s.get("lotId").asText().equals(lot.lot.toString())) {
                    shares.add(ThresholdKeys.open(Base64.getDecoder().decode(s.get("sealedBase64").asText()), custodian.key()));
                }
            }
        }
        releaseOnly(lot, lot.custodians.get(0));
        releaseOnly(lot, lot.custodians.get(1));
        byte[] openingKey = ThresholdKeys.combine(shares);
        List<byte[]> secrets = new ArrayList<>(shares.stream().map(Share::value).toList());
        secrets.add(openingKey);
        assertNothingAtRest(lot.opening, secrets, shares, "around the k-th release");
        JsonNode opened = decrypted(lot.staff, lot.project, lot.lot, lot.view(lot.staff, 200));
        assertThat(opened.get("status").asText()).isEqualTo("OPENED");
        assertNothingAtRest(lot.opening, secrets, shares, "after the opening");
        for (UUID bid : lot.bids.values()) {
            assertThat(bidFile(bid).resolveSibling(bid + ".signed")).as("no decrypted plaintext is written before it is verified")
                    .doesNotExist();
            assertThat(bidFile(bid).resolveSibling(bid + ".content")).as("the verified content is kept").isRegularFile();
        }
        assertThat(jdbc.sql("select count(*) from sealed_share_release where lot_id = ?").param(lot.lot)
                .query(Integer.class).single()).as("sealed releases are deleted once the session is over").isZero();
    }

    /** Every table as text (bytea in hex) and every file under the data directory: no share, no opening key. */
    void assertNothingAtRest(X509Certificate opening, List<byte[]> secrets, List<Share> shares, String when) throws Exception {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_type = 'BASE TABLE'").query(String.class).list();
        StringBuilder dump = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("select t::text from \"" + table + "\" t").query(String.class).list().forEach(dump::append);
        }
        String text = dump.toString().toLowerCase(java.util.Locale.ROOT);
        assertThat(text).as("the dump holds bytea columns in hex (the opening certificate is stored)")
                .contains(java.util.HexFormat.of().formatHex(opening.getEncoded()));
        for (byte[] secret : secrets) {
            assertThat(text).as(when + ": hex in the database").doesNotContain(java.util.HexFormat.of().formatHex(secret));
            assertThat(dump.toString()).as(when + ": base64 in the database")
                    .doesNotContain(Base64.getEncoder().encodeToString(secret));
        }
        for (Share share : shares) {
            assertThat(dump.toString()).as(when + ": a share's JSON in the database").doesNotContain(share.toJson());
        }
        try (var files = Files.walk(properties.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (byte[] secret : secrets) {
                    assertThat(indexOf(bytes, secret)).as(when + ": " + file).isNegative();
                    assertThat(indexOf(bytes, Base64.getEncoder().encode(secret))).as(when + ": " + file).isNegative();
                }
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aShareReleasedBeforeARestartIsAskedForAgainAndTheOpeningCompletes() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        lot.start();
        JsonNode first = lot.releaseShareOf(lot.custodians.get(0));
        assertThat(first.get("releasedShares")).hasSize(1);

        // the node holding the session key dies: the shares sealed to it can never be opened again
        coordinatorDies(lot);
        JsonNode afterRestart = lot.view(lot.staff, 200);
        assertThat(afterRestart.get("status").asText()).isEqualTo("WAITING_FOR_SHARES");
        assertThat(afterRestart.get("releasedShares")).isEmpty();
        assertThat(afterRestart.get("custodians")).noneMatch(c -> c.get("released").asBoolean());

        JsonNode again = lot.releaseShareOf(lot.custodians.get(0));
        assertThat(again.get("status").asText()).isEqualTo("WAITING_FOR_SHARES");
        assertThat(again.get("releasedShares")).hasSize(1);
        JsonNode opened = lot.releaseShareOf(lot.custodians.get(1));
        assertThat(opened.get("status").asText()).isEqualTo("OPENED");
        assertThat(opened.get("results")).hasSize(3).allSatisfy(r -> assertThat(r.get("signature").asText()).isEqualTo("VALID"));
        assertThat(opened.get("custodians")).filteredOn(c -> c.get("released").asBoolean()).hasSize(2);
    }

    @Test
    void onlyTheLotsBiddersAndCustodiansJoinAndNobodySeesTheBidCountBeforeTheOpening() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        Person bidder = lot.bidders.get(0);
        Person outsider = member(Role.BIDDER, "未投标公司");
        Person strangerCustodian = custodians(1).get(0);

        call(as(outsider.token(), post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 404);
        lot.view(outsider.token(), 404);
        call(as(strangerCustodian.token(), post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 404);
        call(as(lot.staff, post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 403);

        JsonNode joined = call(as(bidder.token(), post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 200);
        assertThat(joined.get("status").asText()).isEqualTo("NOT_STARTED");
        assertThat(joined.get("bids").isNull()).isTrue();
        assertThat(joined.get("you").get("joined").asBoolean()).isTrue();
        assertThat(Instant.parse(joined.get("openingAt").asText())).isAfter(Instant.parse(joined.get("serverTime").asText()));
        call(as(lot.custodians.get(0).token(), post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 200);
        call(as(bidder.token(), post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 200); // idempotent

        // before the opening not even staff learn how many bids or which bidders are waiting
        JsonNode staffBefore = lot.view(lot.staff, 200);
        assertThat(staffBefore.get("bids").isNull()).isTrue();
        assertThat(staffBefore.get("results")).isEmpty();
        assertThat(staffBefore.get("participants")).extracting(p -> p.get("role").asText()).containsExactly("CUSTODIAN");
        assertThat(staffBefore.get("custodians")).hasSize(3);
        assertThat(staffBefore.get("custodians")).filteredOn(c -> c.get("joined").asBoolean()).hasSize(1);
        assertThat(staffBefore.toString()).doesNotContain("开标测试投标人");
        assertThat(lot.view(lot.bidders.get(1).token(), 200).get("participants")).extracting(p -> p.get("role").asText())
                .containsExactly("CUSTODIAN");

        List<String> listed = new ArrayList<>();
        call(as(bidder.token(), get("/api/openings")), 200).forEach(o -> listed.add(o.get("lotId").asText()));
        assertThat(listed).contains(lot.lot.toString());
        listed.clear();
        call(as(outsider.token(), get("/api/openings")), 200).forEach(o -> listed.add(o.get("lotId").asText()));
        assertThat(listed).doesNotContain(lot.lot.toString());
        listed.clear();
        call(as(lot.custodians.get(1).token(), get("/api/openings")), 200).forEach(o -> listed.add(o.get("lotId").asText()));
        assertThat(listed).contains(lot.lot.toString());

        lot.start();
        JsonNode staffAfter = lot.view(lot.staff, 200);
        assertThat(staffAfter.get("status").asText()).isEqualTo("WAITING_FOR_SHARES");
        assertThat(staffAfter.get("bids").asInt()).isEqualTo(3);
        assertThat(staffAfter.get("participants")).extracting(p -> p.get("role").asText()).contains("BIDDER", "CUSTODIAN");

        JsonNode opened = lot.releaseShares();
        assertThat(opened.get("status").asText()).isEqualTo("OPENED");
        assertThat(opened.get("results")).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("stage").asText()).isEqualTo("OPENED");
            assertThat(r.get("signature").asText()).isEqualTo("VALID");
        });
        assertThat(opened.get("custodians")).filteredOn(c -> c.get("released").asBoolean()).hasSize(2);
        JsonNode bidderView = lot.view(bidder.token(), 200);
        assertThat(bidderView.get("results")).hasSize(3);
        assertThat(lot.row(bidderView, bidder).get("yours").asBoolean()).isTrue();
        assertThat(lot.row(bidderView, bidder).get("price").decimalValue()).isEqualByComparingTo("5000000.00");
        awaitLogged("bid.opening-joined", lot.lot);
        awaitLogged("bid.bid-checked", lot.bids.get(bidder));
    }

    @Test
    void aBidThePlatformFailedToOpenIsSelfDecryptedByItsBidderWhileEveryBidderSeesOnlyItsOwnRowBefore() throws Exception {
        Lot lot = new Lot(4);
        Person broken = lot.bidders.get(3);
        byte[][] tender = soundTender(broken, lot.lot, lot.opening, "4321000.00");
        lot.submit(broken, tender[0]);
        lot.submitAll();
        breakPlatformSideOf(lot.bids.get(broken));
        lot.start();
        // during share release a bidder sees no rows at all
        assertThat(lot.view(lot.bidders.get(0).token(), 200).get("results")).isEmpty();

        JsonNode session = lot.releaseShares();
        assertThat(session.get("status").asText()).isEqualTo("SELF_DECRYPT");
        Duration window = Duration.between(Instant.parse(session.get("serverTime").asText()),
                Instant.parse(session.get("selfDecryptUntil").asText()));
        assertThat(window).as("the default window is 30 minutes").isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        JsonNode row = lot.row(session, broken);
        assertThat(row.get("stage").asText()).isEqualTo("AWAITING_BIDDER");
        assertThat(row.get("reason").asText()).isEqualTo("FAILED_IO_ERROR");
        assertThat(scheduler.pending("close-self-decrypt", lot.project + ":" + lot.lot)).isPresent();

        // until every bid has ended its decryption a bidder sees its own row only: no price, name or count of others
        for (Person bidder : lot.bidders) {
            call(as(bidder.token(), post("/api/openings/{p}/{l}/join", lot.project, lot.lot)), 200);
        }
        for (Person bidder : lot.bidders) {
            JsonNode seen = lot.view(bidder.token(), 200);
            assertThat(seen.get("bids").isNull()).as("no count of bids").isTrue();
            assertThat(seen.get("results")).singleElement().satisfies(r -> {
                assertThat(r.get("yours").asBoolean()).isTrue();
                assertThat(r.get("bidId").asText()).isEqualTo(lot.bids.get(bidder).toString());
            });
            assertThat(seen.get("participants")).allSatisfy(p -> assertThat(!p.get("role").asText().equals("BIDDER")
                    || p.get("you").asBoolean()).isTrue());
            for (int other = 0; other < lot.bidders.size(); other++) {
                if (lot.bidders.get(other) != bidder) {
                    assertThat(seen.toString()).doesNotContain("开标测试投标人" + other);
                }
            }
        }
        assertThat(lot.view(lot.staff, 200).get("results")).hasSize(4);

        JsonNode mine = lot.view(broken.token(), 200);
        assertThat(mine.get("you").get("canSelfDecrypt").asBoolean()).isTrue();
        assertThat(lot.view(lot.bidders.get(0).token(), 200).get("you").get("canSelfDecrypt").asBoolean()).isFalse();

        // the bidder opens its own copy with its own key and recovers the content key from its recipient info
        Path own = Files.write(Files.createTempFile("own-", ".sealed"), tender[0]);
        Path pkg = own.resolveSibling(own.getFileName() + ".p7m");
        assertThat(Opener.open(own, broken.key(), pkg)).isInstanceOf(OpenResult.Opened.class);
        byte[] decrypted = Files.readAllBytes(pkg);
        assertThat(decrypted).isEqualTo(tender[1]);
        String cek = Base64.getEncoder().encodeToString(Opener.recoverContentKey(own, broken.key()));

        // another bidder cannot act on it, and what does not match is refused naming the field
        repairPlatformSideOf(lot.bids.get(broken));
        lot.selfDecrypt(lot.bidders.get(0), lot.bids.get(broken), decrypted, cek, 404);
        byte[] altered = decrypted.clone();
        altered[altered.length / 2] ^= 1;
        JsonNode mismatch = lot.selfDecrypt(broken, altered, cek, 422);
        assertThat(mismatch.get("type").asText()).endsWith("/package-mismatch");
        assertThat(mismatch.get("field").asText()).isEqualTo("package");
        byte[] wrongKey = new byte[32];
        new java.security.SecureRandom().nextBytes(wrongKey);
        JsonNode badKey = lot.selfDecrypt(broken, decrypted, Base64.getEncoder().encodeToString(wrongKey), 422);
        assertThat(badKey.get("type").asText()).endsWith("/content-key-mismatch");
        assertThat(badKey.get("field").asText()).isEqualTo("contentKey");
        assertThat(lot.selfDecrypt(broken, decrypted, "not base64!", 400).get("field").asText()).isEqualTo("contentKey");
        assertThat(lot.selfDecrypt(broken, new byte[0], cek, 400).get("field").asText()).isEqualTo("package");
        awaitLogged("bid.self-decrypt-refused", lot.bids.get(broken));

        JsonNode done = lot.selfDecrypt(broken, decrypted, cek, 200);
        assertThat(done.get("status").asText()).isEqualTo("OPENED");
        JsonNode joined = lot.row(done, broken);
        assertThat(joined.get("stage").asText()).isEqualTo("SELF_DECRYPTED");
        assertThat(joined.get("signature").asText()).isEqualTo("VALID");
        assertThat(joined.get("price").decimalValue()).isEqualByComparingTo("4321000.00");
        assertThat(done.get("recordDocument").isNull()).isFalse();
        String record = mvc.perform(get("/api/public/notices").param("kind", "opening-record").param("limit", "100"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(record).contains("投标人自行解密");
        assertThat(jdbc.sql("select outcome from self_decrypt_attempt where bid_id = ? order by attempted_at")
                .param(lot.bids.get(broken)).query(String.class).list())
                .contains("package-mismatch", "content-key-mismatch", "ACCEPTED");
        awaitLogged("bid.bid-self-decrypted", lot.bids.get(broken));
        // once opened there is nothing left to self-decrypt
        assertThat(lot.selfDecrypt(broken, decrypted, cek, 409).get("type").asText()).endsWith("/self-decrypt-not-open");
    }

    @Test
    void aBidderCausedFailureIsRevokedAtOnceAndOnlyThePlatformCausedOneAwaitsItsBidderUntilTheWindowEnds()
            throws Exception {
        Lot lot = new Lot(5);
        Person broken = lot.bidders.get(3);
        Person unlucky = lot.bidders.get(4);
        byte[][] tender = unopenableTender(broken, lot.lot, lot.opening, "4000000.00");
        lot.submit(broken, tender[0]);
        lot.submitAll();
        breakPlatformSideOf(lot.bids.get(unlucky));
        lot.start();
        JsonNode session = lot.releaseShares();
        assertThat(session.get("status").asText()).isEqualTo("SELF_DECRYPT");
        assertThat(lot.row(session, unlucky).get("reason").asText()).isEqualTo("FAILED_IO_ERROR");
        assertThat(lot.row(session, unlucky).get("stage").asText()).isEqualTo("AWAITING_BIDDER");
        assertThat(lot.row(session, broken).get("stage").asText()).isEqualTo("REVOKED");
        assertThat(lot.row(session, broken).get("reason").asText()).isEqualTo("FAILED_WRONG_KEY");
        assertThat(lot.view(broken.token(), 200).get("you").get("canSelfDecrypt").asBoolean()).isFalse();
        Path brokenCopy = Files.write(Files.createTempFile("own-", ".sealed"), tender[0]);
        String brokenKey = Base64.getEncoder().encodeToString(Opener.recoverContentKey(brokenCopy, broken.key()));
        assertThat(lot.selfDecrypt(broken, tender[1], brokenKey, 409).get("type").asText())
                .endsWith("/self-decrypt-not-needed");

        assertThatThrownBy(lot::runCloseWindowJob).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo("self-decrypt-window-open"));

        clock.advance(Duration.ofMinutes(31));
        Path own = Files.write(Files.createTempFile("own-", ".sealed"), lot.sealed.get(unlucky));
        String cek = Base64.getEncoder().encodeToString(Opener.recoverContentKey(own, unlucky.key()));
        assertThat(lot.selfDecrypt(unlucky, lot.sealed.get(unlucky), cek, 422).get("type").asText())
                .endsWith("/self-decrypt-window-closed");

        lot.runCloseWindowJob();
        JsonNode closed = lot.view(lot.staff, 200);
        assertThat(closed.get("status").asText()).isEqualTo("OPENED");
        assertThat(lot.row(closed, broken).get("stage").asText()).isEqualTo("REVOKED");
        assertThat(lot.row(closed, unlucky).get("stage").asText()).isEqualTo("WITHDRAWN");
        assertThat(lot.row(closed, lot.bidders.get(0)).get("stage").asText()).isEqualTo("OPENED");
        assertThat(jdbc.sql("select status from bid where id = ?").param(lot.bids.get(broken)).query(String.class).single())
                .isEqualTo("REVOKED");
        assertThat(jdbc.sql("select status from bid where id = ?").param(lot.bids.get(unlucky)).query(String.class).single())
                .isEqualTo("WITHDRAWN");
        awaitLogged("bid.bid-revoked-at-opening", lot.bids.get(broken));
        awaitLogged("bid.bid-withdrawn-at-opening", lot.bids.get(unlucky));
        lot.runCloseWindowJob(); // a second firing changes nothing
        assertThat(lot.view(lot.staff, 200).get("recordDocument").asText()).isEqualTo(closed.get("recordDocument").asText());
    }

    /**
     * Attack (issue 13, held-back bids): a bidder makes its own certificate with the opening certificate's issuer name
     * and serial number and seals its bid to it and to its own certificate. The upload is accepted (the envelope names
     * the "right" recipient) but the platform cannot open it. The bid is revoked at the opening at once: there is no
     * self-decryption window in which its bidder, having seen the other prices, could choose to reveal it or not.
     */
    @Test
    void aBidSealedToALookalikeOfTheOpeningCertificateIsRevokedAtOnceAndItsBidderNeverSeesAnotherBidFirst()
            throws Exception {
        Lot lot = new Lot(4);
        Person cheat = lot.bidders.get(3);
        byte[][] tender = unopenableTender(cheat, lot.lot, lot.opening, "3999999.00");
        lot.submit(cheat, tender[0]); // accepted: the envelope names the opening certificate's issuer and serial
        lot.submitAll();
        lot.start();
        JsonNode waiting = lot.view(cheat.token(), 200);
        assertThat(waiting.get("bids").isNull()).isTrue();
        assertThat(waiting.get("results")).isEmpty();

        // one share short of the threshold, then the last one: the cheat's view never shows another bid before the end
        JsonNode first = lot.releaseShareOf(lot.custodians.get(0));
        assertThat(first.get("status").asText()).isEqualTo("WAITING_FOR_SHARES");
        assertThat(lot.view(cheat.token(), 200).get("results")).isEmpty();
        JsonNode session = lot.releaseShareOf(lot.custodians.get(1));
        assertThat(session.get("status").asText()).as("no self-decryption window opened").isEqualTo("OPENED");
        JsonNode row = lot.row(session, cheat);
        assertThat(row.get("stage").asText()).isEqualTo("REVOKED");
        assertThat(row.get("reason").asText()).isEqualTo("FAILED_WRONG_KEY");
        assertThat(row.get("price").isNull()).isTrue();
        assertThat(jdbc.sql("select status from bid where id = ?").param(lot.bids.get(cheat)).query(String.class).single())
                .isEqualTo("REVOKED");
        assertThat(scheduler.pending("close-self-decrypt", lot.project + ":" + lot.lot)).isEmpty();
        Path own = Files.write(Files.createTempFile("own-", ".sealed"), tender[0]);
        String cek = Base64.getEncoder().encodeToString(Opener.recoverContentKey(own, cheat.key()));
        assertThat(lot.selfDecrypt(cheat, tender[1], cek, 409).get("type").asText()).endsWith("/self-decrypt-not-open");
        assertThat(jdbc.sql("select count(*) from self_decrypt_attempt where bid_id = ? and outcome = 'ACCEPTED'")
                .param(lot.bids.get(cheat)).query(Integer.class).single()).isZero();
        String record = mvc.perform(get("/api/public/notices").param("kind", "opening-record").param("limit", "100"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(record).contains("解密失败（撤销）").doesNotContain("3,999,999.00");
        awaitLogged("bid.bid-revoked-at-opening", lot.bids.get(cheat));
    }

    @Test
    void biddersConfirmOrObjectDuringTheSessionAndStaffAnswersAreRecorded() throws Exception {
        Lot lot = new Lot(3);
        lot.submitAll();
        Person a = lot.bidders.get(0);
        Person b = lot.bidders.get(1);
        lot.start();
        assertThat(call(as(a.token(), post("/api/openings/{p}/{l}/confirmation", lot.project, lot.lot)), 422).get("type").asText())
                .endsWith("/opening-record-not-ready");
        lot.releaseShares();

        JsonNode confirmed = call(as(a.token(), post("/api/openings/{p}/{l}/confirmation", lot.project, lot.lot)), 200);
        assertThat(confirmed.get("you").get("confirmed").asBoolean()).isTrue();
        assertThat(confirmed.get("confirmations")).hasSize(1);
        assertThat(call(as(b.token(), post("/api/openings/{p}/{l}/objections", lot.project, lot.lot))
                .content(Api.json(Map.of("text", " "))), 400).get("field").asText()).isEqualTo("text");
        JsonNode objected = call(as(b.token(), post("/api/openings/{p}/{l}/objections", lot.project, lot.lot))
                .content(Api.json(Map.of("text", "我方报价唱标有误，应为 5,001,000.00 元"))), 201);
        JsonNode objection = objected.get("objections").get(0);
        assertThat(objection.get("yours").asBoolean()).isTrue();
        assertThat(objection.get("answer").isNull()).isTrue();
        Person outsider = member(Role.BIDDER, "旁观公司");
        call(as(outsider.token(), post("/api/openings/{p}/{l}/objections", lot.project, lot.lot))
                .content(Api.json(Map.of("text", "我也有意见"))), 404);

        String id = objection.get("id").asText();
        call(as(b.token(), post("/api/openings/{p}/{l}/objections/{o}/answer", lot.project, lot.lot, id))
                .content(Api.json(Map.of("answer", "自己答复"))), 403);
        JsonNode answered = call(as(lot.staff, post("/api/openings/{p}/{l}/objections/{o}/answer", lot.project, lot.lot, id))
                .content(Api.json(Map.of("answer", "经核对开标记录与投标函一致：5,001,000.00 元，已更正唱标。"))), 200);
        assertThat(answered.get("objections").get(0).get("answer").asText()).contains("已更正唱标");
        call(as(lot.staff, post("/api/openings/{p}/{l}/objections/{o}/answer", lot.project, lot.lot, id))
                .content(Api.json(Map.of("answer", "再答复"))), 409);
        JsonNode seenByA = lot.view(a.token(), 200);
        assertThat(seenByA.get("objections").get(0).get("yours").asBoolean()).isFalse();
        assertThat(seenByA.get("objections").get(0).get("answer").asText()).contains("已更正唱标");
        awaitLogged("bid.opening-objection-raised", UUID.fromString(id));
        awaitLogged("bid.opening-objection-answered", UUID.fromString(id));
        awaitLogged("bid.opening-record-confirmed", lot.lot);

        // a complaint may follow an answered objection to the opening (实施条例 art. 60), signed by the objector
        JsonNode eligible = call(as(b.token(), get("/api/complaints/objections")), 200);
        assertThat(eligible).singleElement().satisfies(e -> {
            assertThat(e.get("subject").asText()).isEqualTo("OPENING");
            assertThat(e.get("settled").asBoolean()).isTrue();
            assertThat(e.get("lastDay").asText()).isNotBlank();
        });
        String complaint = "开标记录唱标错误，答复未说明原因，请求监督部门核查。";
        call(as(a.token(), post("/api/complaints")).content(Api.json(Map.of("objectionId", id, "text", complaint,
                "signature", sign(a, complaint)))), 404);
        JsonNode filed = call(as(b.token(), post("/api/complaints")).content(Api.json(Map.of("objectionId", id,
                "text", complaint, "signature", sign(b, complaint)))), 201);
        assertThat(filed.get("project").get("value").asText()).isEqualTo(lot.project.toString());
        // an objection not answered: no complaint while the objection period runs, one once it ended unanswered
        UUID unanswered = UUID.fromString(call(as(a.token(), post("/api/openings/{p}/{l}/objections", lot.project,
                lot.lot)).content(Api.json(Map.of("text", "解密顺序与开标记录不符"))), 201).get("objections").get(1).get("id")
                .asText());
        assertThat(call(as(a.token(), post("/api/complaints")).content(Api.json(Map.of("objectionId", unanswered,
                "text", complaint, "signature", sign(a, complaint)))), 422).get("type").asText())
                .endsWith("/objection-not-answered");

        clock.advance(Duration.ofMinutes(31));
        assertThat(call(as(b.token(), post("/api/openings/{p}/{l}/objections", lot.project, lot.lot))
                .content(Api.json(Map.of("text", "迟到的异议"))), 422).get("type").asText()).endsWith("/objection-period-over");
        call(as(a.token(), post("/api/complaints")).content(Api.json(Map.of("objectionId", unanswered, "text", complaint,
                "signature", sign(a, complaint)))), 201);
    }

    private static String sign(Person p, String text) {
        return Base64.getEncoder().encodeToString(new CmsSigner(p.key()).sign(text.getBytes(StandardCharsets.UTF_8), true));
    }

    @Test
    void aSelfDecryptedPackageSignedWithAnotherKeyMatchesButIsRevokedAtOnce() throws Exception {
        Lot lot = new Lot(4);
        Person forger = lot.bidders.get(3);
        // the package inside is signed by a key that is not the bidder's registered certificate
        Person impostor = new Person(forger.token(), forger.member(), org.sunbid.signing.keys.CertificateIssuer.selfSigned(
                "CN=Impostor", org.sunbid.signing.certs.Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365)));
        byte[][] inner = soundTender(impostor, lot.lot, lot.opening, "1.00");
        // re-seal the impostor's signed package to the opening certificate and the bidder's own certificate; the
        // platform fails on its side, so the bidder may self-decrypt
        byte[][] tender = resealed(inner[1], lot.opening, forger);
        lot.submit(forger, tender[0]);
        lot.submitAll();
        breakPlatformSideOf(lot.bids.get(forger));
        lot.start();
        assertThat(lot.row(lot.releaseShares(), forger).get("stage").asText()).isEqualTo("AWAITING_BIDDER");

        repairPlatformSideOf(lot.bids.get(forger));
        Path own = Files.write(Files.createTempFile("own-", ".sealed"), tender[0]);
        String cek = Base64.getEncoder().encodeToString(Opener.recoverContentKey(own, forger.key()));
        JsonNode done = lot.selfDecrypt(forger, tender[1], cek, 200);
        assertThat(done.get("status").asText()).isEqualTo("OPENED");
        JsonNode row = lot.row(done, forger);
        assertThat(row.get("stage").asText()).isEqualTo("REVOKED");
        assertThat(row.get("reason").asText()).isEqualTo("SIGNATURE_NOT_BY_REGISTERED_CERTIFICATE");
        assertThat(row.get("price").isNull()).as("an unverified bid form is not read").isTrue();
        assertThat(jdbc.sql("select status from bid where id = ?").param(lot.bids.get(forger)).query(String.class).single())
                .isEqualTo("REVOKED");
    }

    /** Seals an already signed package to the opening certificate and to the bidder's own certificate. */
    static byte[][] resealed(byte[] signed, X509Certificate opening, Person bidder) throws Exception {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        Sealer.seal(new ByteArrayInputStream(signed), sealed, List.of(opening, bidder.key().certificate()),
                ContentCipher.AES_256_GCM);
        return new byte[][] { sealed.toByteArray(), signed };
    }
}
