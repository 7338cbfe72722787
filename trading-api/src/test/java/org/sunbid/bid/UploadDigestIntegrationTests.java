package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunbid.bid.internal.UploadDigests;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The completion takes the upload's SHA-256 from the digest kept while the bytes arrived when that digest is provably
 * of exactly the stored bytes, and hashes the stored file otherwise; either way the receipt's hash is the stored
 * file's.
 */
class UploadDigestIntegrationTests extends BidScenario {

    @Autowired
    BidSubmissions bids;

    @Autowired
    UploadDigests digests;

    private record Upload(Person bidder, UUID lot, byte[] tender, String id, Path file) {
    }

    @Test
    void chunksInOrderGiveTheReceiptTheRunningHashWhichIsTheStoredFiles() throws Exception {
        Upload u = upload("顺序上传测试有限公司", "610.00");
        int third = u.tender().length / 3;
        putChunk(u.bidder(), u.id(), 0, Arrays.copyOfRange(u.tender(), 0, third), 200);
        putChunk(u.bidder(), u.id(), third, Arrays.copyOfRange(u.tender(), third, 2 * third), 200);
        putChunk(u.bidder(), u.id(), 2 * third, Arrays.copyOfRange(u.tender(), 2 * third, u.tender().length), 200);

        String stored = sha256(Files.readAllBytes(u.file()));
        assertThat(stored).isEqualTo(sha256(u.tender()));
        assertThat(digests.sha256(UUID.fromString(u.id()), u.file(), u.tender().length)).contains(stored);
        assertThat(complete(u, 201).get("sha256").asText()).isEqualTo(stored);
        assertThat(digests.sha256(UUID.fromString(u.id()), u.file(), u.tender().length)).as("forgotten once completed")
                .isEmpty();
    }

    @Test
    void aChunkCutOffAndResumedIsHashedFromTheStoredFile() throws Exception {
        Upload u = upload("断点续传测试有限公司", "620.00");
        int half = u.tender().length / 2;
        putChunk(u.bidder(), u.id(), 0, Arrays.copyOfRange(u.tender(), 0, half), 200);
        // the connection drops after some of the second chunk: what arrived is kept, the digest is not
        BidSubmissions.UploadState cut = bids.append(user(u.bidder()), UploadId.of(UUID.fromString(u.id())), half,
                dropsAfter(Arrays.copyOfRange(u.tender(), half, u.tender().length), 70_000));
        assertThat(cut.received()).isGreaterThan(half).isLessThan(u.tender().length);
        // a stale retry of the same chunk is refused; the client resumes from the stored offset
        putChunk(u.bidder(), u.id(), half, Arrays.copyOfRange(u.tender(), half, u.tender().length), 409);
        putChunk(u.bidder(), u.id(), cut.received(),
                Arrays.copyOfRange(u.tender(), (int) cut.received(), u.tender().length), 200);

        assertThat(digests.sha256(UUID.fromString(u.id()), u.file(), u.tender().length)).isEmpty();
        assertThat(complete(u, 201).get("sha256").asText()).isEqualTo(sha256(u.tender()))
                .isEqualTo(sha256(Files.readAllBytes(placed(u))));
    }

    @Test
    void anUploadResumedWhereThisNodeHasNoDigestIsHashedFromTheStoredFile() throws Exception {
        Upload u = upload("异节点续传测试有限公司", "630.00");
        int half = u.tender().length / 2;
        putChunk(u.bidder(), u.id(), 0, Arrays.copyOfRange(u.tender(), 0, half), 200);
        digests.forget(UUID.fromString(u.id())); // as after a restart, or with the first half received by another node
        putChunk(u.bidder(), u.id(), half, Arrays.copyOfRange(u.tender(), half, u.tender().length), 200);

        assertThat(digests.sha256(UUID.fromString(u.id()), u.file(), u.tender().length)).isEmpty();
        assertThat(complete(u, 201).get("sha256").asText()).isEqualTo(sha256(u.tender()))
                .isEqualTo(sha256(Files.readAllBytes(placed(u))));
    }

    @Test
    void aStoredFileChangedOnDiskAfterTheUploadIsHashedAgainAndRefused() throws Exception {
        Upload u = upload("篡改存储测试有限公司", "640.00");
        putChunk(u.bidder(), u.id(), 0, u.tender(), 200);
        FileTime modified = Files.getLastModifiedTime(u.file());
        byte[] changed = u.tender().clone();
        changed[changed.length / 2] ^= 0x01;
        Files.write(u.file(), changed, StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(u.file(), FileTime.fromMillis(modified.toMillis() - 3_600_000));

        // the receipt may only name the stored bytes: they are not what the bidder declared and signed
        JsonNode refused = complete(u, 422);
        assertThat(refused.get("type").asText()).endsWith("/hash-mismatch");
        assertThat(refused.toString()).contains(sha256(changed));
        assertThat(jdbc.sql("select count(*) from bid where lot_id = ?").param(u.lot()).query(Integer.class).single())
                .isZero();
    }

    private Upload upload(String company, String price) throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        Person bidder = member(Role.BIDDER, company);
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
        byte[] tender = sealedTender(bidder, ids[1], opening, price);
        String id = startUpload(bidder, ids[0], ids[1], tender, 201).get("uploadId").asText();
        Path file = properties.dataDir().resolve("bids/" + ids[1] + "/uploads/" + id + ".part");
        assertThat(file).exists();
        return new Upload(bidder, ids[1], tender, id, file);
    }

    private JsonNode complete(Upload u, int status) throws Exception {
        return call(as(u.bidder().token(), post("/api/bids/uploads/{id}/complete", u.id()))
                .content(Api.json(Map.of("manifest", manifest(u.bidder(), u.lot(), u.tender())))), status);
    }

    private Path placed(Upload u) {
        String file = jdbc.sql("select file from bid where lot_id = ?").param(u.lot()).query(String.class).single();
        return properties.dataDir().resolve(file);
    }

    private CurrentUser user(Person bidder) {
        AccountManagement.AccountView account = accounts.accountsOfMember(MemberId.of(bidder.member())).get(0);
        return new CurrentUser(account.id(), account.username(), Role.BIDDER, account.memberId());
    }

    /** A request body whose connection drops after {@code limit} bytes. */
    private static InputStream dropsAfter(byte[] bytes, int limit) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            private int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= limit) {
                    throw new IOException("connection reset (test)");
                }
                int n = super.read(b, off, Math.min(len, limit - read));
                read += Math.max(0, n);
                return n;
            }
        };
    }
}
