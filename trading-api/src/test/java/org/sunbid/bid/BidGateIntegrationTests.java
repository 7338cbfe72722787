package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.support.Api;
import tools.jackson.databind.JsonNode;

/** The gate names its rule: unapproved members and related companies are refused; fewer than three bids fail the lot. */
class BidGateIntegrationTests extends BidScenario {

    @org.springframework.beans.factory.annotation.Autowired
    org.sunbid.archive.ArchiveManagement archives;

    @org.springframework.beans.factory.annotation.Autowired
    org.sunbid.scheduler.JobScheduler scheduler;

    @org.springframework.beans.factory.annotation.Autowired
    java.util.List<org.sunbid.scheduler.ScheduledTask> tasks;

    org.sunbid.scheduler.ScheduledTask openingJob;

    @org.junit.jupiter.api.BeforeEach
    void findOpeningJob() {
        openingJob = tasks.stream().filter(t -> t.kind().equals("open-bids")).findFirst().orElseThrow();
    }

    @Test
    void refusesAnUnapprovedMemberAndACompanyRelatedToOneAlreadyOnTheLot() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);

        Person unapproved = member(Role.TENDEREE, "未审核单位");
        // a member account whose member is not approved in the registry, acting as a bidder
        String username = "pending-" + UUID.randomUUID().toString().substring(0, 8);
        UUID pendingMember = UUID.randomUUID();
        accounts.createMemberAccount(username, PASSWORD, Role.BIDDER, MemberId.of(pendingMember), "待审核公司");
        Person pending = new Person(Api.login(mvc, username, PASSWORD), pendingMember, unapproved.key());
        call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], pendingMember)), 204);
        byte[] tender = sealedTender(pending, ids[1], opening, "100.00");
        assertThat(startUpload(pending, ids[0], ids[1], tender, 422).get("type").asText()).endsWith("/member-not-approved");

        // two companies with the same legal representative
        String legalRep = MemberFixtures.idNumber();
        Person first = registeredBidder(MemberFixtures.company(Role.BIDDER, "关联甲建设有限公司", MemberFixtures.uscc(), legalRep, null));
        Person second = registeredBidder(MemberFixtures.company(Role.BIDDER, "关联乙建设有限公司", MemberFixtures.uscc(), legalRep, null));
        for (Person p : new Person[] { first, second }) {
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], p.member())), 204);
        }
        submit(first, ids[0], ids[1], sealedTender(first, ids[1], opening, "200.00"));
        byte[] secondTender = sealedTender(second, ids[1], opening, "210.00");
        assertThat(startUpload(second, ids[0], ids[1], secondTender, 422).get("type").asText()).endsWith("/related-bidder");
    }

    @Test
    void aLotWithFewerThanThreeBidsFailsWithoutOpeningAndPublishesAFailedTenderNotice() throws Exception {
        String staff = platform(Role.STAFF);
        custodians(3);
        UUID[] ids = publishedProject(staff, platform(Role.REGULATOR));
        X509Certificate opening = openingCertificate(ids[0], ids[1]);
        for (int i = 0; i < 2; i++) {
            Person bidder = member(Role.BIDDER, "投标人" + i);
            call(as(staff, post("/api/projects/{p}/lots/{l}/deposits/{m}/clearance", ids[0], ids[1], bidder.member())), 204);
            submit(bidder, ids[0], ids[1], sealedTender(bidder, ids[1], opening, (100 + i) + ".00"));
        }
        // publishing scheduled the opening job at the opening time; at that time it starts the session by itself
        String subject = ids[0] + ":" + ids[1];
        var pending = scheduler.pending("open-bids", subject).orElseThrow();
        JsonNode project = call(as(staff, get("/api/projects/{id}", ids[0])), 200);
        assertThat(pending.dueAt()).isEqualTo(java.time.Instant.parse(project.get("openingAt").asText())
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        clock.advance(Duration.ofDays(25).plusMinutes(31));
        openingJob.run(new org.sunbid.scheduler.Firing("open-bids", subject, pending.dueAt(), clock.instant(), 1, "test"));
        JsonNode session = call(as(staff, get("/api/openings/{p}/{l}", ids[0], ids[1])), 200);
        assertThat(session.get("status").asText()).isEqualTo("FAILED_TOO_FEW_BIDS");
        assertThat(session.get("results")).isEmpty();
        String notices = mvc.perform(get("/api/public/notices").param("kind", "failed-tender").param("limit", "100"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(notices).contains("流标");
        // the failed project's records are archived by the archive-build job the failure scheduled, and the package
        // verifies offline
        var packages = org.awaitility.Awaitility.await("the archive-build job").atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> archives.search(null, null, null, null, null, 0, 200).stream()
                        .filter(p -> p.projectId().equals(ids[0])).toList(), found -> !found.isEmpty());
        assertThat(packages).hasSize(1);
        assertThat(packages.get(0).reason()).isEqualTo(org.sunbid.archive.ArchiveReason.FAILED);
        java.nio.file.Path zip = java.nio.file.Files.createTempFile("failed-", ".zip");
        java.nio.file.Files.write(zip, mvc.perform(get("/api/archives/{id}/zip", packages.get(0).id())
                .header("Authorization", Api.bearer(staff))).andReturn().getResponse().getContentAsByteArray());
        var report = org.sunbid.signing.archive.ArchiveVerifier.verify(zip, java.util.List.of(trust.root()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.documents()).isGreaterThanOrEqualTo(8);
        try (var zipFile = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(zipFile.getEntry("supervision/tree-head.json")).isNotNull();
            assertThat(zipFile.getEntry("supervision/entries.jsonl")).isNotNull();
            String firstProof = zipFile.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("supervision/proofs/")).findFirst().orElseThrow();
            java.nio.file.Path proof = java.nio.file.Files.createTempFile("proof-", ".json");
            java.nio.file.Files.write(proof, zipFile.getInputStream(zipFile.getEntry(firstProof)).readAllBytes());
            var out = new java.io.StringWriter();
            var err = new java.io.StringWriter();
            var cli = org.sunbid.signing.cli.Bidtool.commandLine(new org.sunbid.signing.cli.Bidtool(java.util.Map.of()));
            cli.setOut(new java.io.PrintWriter(out));
            cli.setErr(new java.io.PrintWriter(err));
            assertThat(cli.execute("proof-verify", "--inclusion", proof.toString())).as(err.toString()).isZero();
        }
    }

    Person registeredBidder(org.sunbid.member.MemberForms.CompanyRegistration form) throws Exception {
        var registered = members.registerCompany(form, java.util.Map.of());
        members.approve(registered.id(), null);
        SigningKey key = org.sunbid.support.TestCa.issue("CN=" + form.name(), Certificates.KeyAlgorithm.EC_P256, Duration.ofDays(365));
        members.bindCertificate(registered.id(), Certificates.toPem(key.certificate()), null);
        return new Person(Api.login(mvc, form.username(), MemberFixtures.PASSWORD), registered.id(), key);
    }
}
