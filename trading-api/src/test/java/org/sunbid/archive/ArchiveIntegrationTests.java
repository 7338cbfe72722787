package org.sunbid.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.sunbid.support.Api.bearer;
import static org.sunbid.support.Api.json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.archive.ArchiveVerifier;
import org.sunbid.support.Api;
import org.sunbid.support.PlatformTest;

@PlatformTest
class ArchiveIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountManagement accounts;

    @Autowired
    ArchiveManagement archives;

    @Autowired
    PlatformTrust trust;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    String token(Role role) throws Exception {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (role.isMemberRole()) {
            accounts.createMemberAccount(username, "Archive#Passw0rd", role, MemberId.of(UUID.randomUUID()), "成员");
        } else {
            accounts.createPlatformAccount(username, "Archive#Passw0rd", role, "人员", null);
        }
        return Api.login(mvc, username, "Archive#Passw0rd");
    }

    @Test
    void staffBuildsAPackageThatVerifiesOfflineAndEveryReadIsLogged() throws Exception {
        String staff = token(Role.STAFF);
        var created = Api.body(mvc.perform(post("/api/archives").header("Authorization", bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("projectId", FixtureArchiveSources.PROJECT))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.documents").value(2))
                .andReturn());
        UUID id = UUID.fromString(created.get("id").asText());
        assertThat(created.get("retentionUntil").asText()).startsWith("2041-11-20");

        byte[] zip = mvc.perform(get("/api/archives/{id}/zip", id).header("Authorization", bearer(token(Role.REGULATOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        Path file = Files.write(dir.resolve("package.zip"), zip);
        ArchiveVerifier.Report report = ArchiveVerifier.verify(file, List.of(trust.root()));
        assertThat(report.problems()).isEmpty();
        assertThat(report.project()).isEqualTo("E3301000001202611279999");
        assertThat(archives.reads(ArchivePackageId.of(id))).isEqualTo(1);

        mvc.perform(get("/api/archives").param("tenderee", "西湖区").header("Authorization", bearer(staff)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
    }

    @Test
    void evenTheDatabaseOwnerCannotChangeOrDeleteAPackageBeforeItsRetentionEnds() {
        ArchivePackageInfo info = archives.build(ProjectId.of(FixtureArchiveSources.PROJECT), ArchiveReason.ON_DEMAND, null);
        assertThatThrownBy(() -> jdbc.sql("update archive_package set title = 'x' where id = ?").param(info.id()).update())
                .rootCause().hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from archive_package where id = ?").param(info.id()).update())
                .rootCause().hasMessageContaining("immutable");
        assertThat(archives.find(ArchivePackageId.of(info.id()))).isPresent();
    }

    @Test
    void biddersMayNotBuildOrReadPackagesAndUnknownProjectsAreNamed() throws Exception {
        String bidder = token(Role.BIDDER);
        mvc.perform(post("/api/archives").header("Authorization", bearer(bidder)).contentType(MediaType.APPLICATION_JSON)
                .content(json(Map.of("projectId", FixtureArchiveSources.PROJECT)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/archives").header("Authorization", bearer(bidder))).andExpect(status().isForbidden());
        mvc.perform(post("/api/archives").header("Authorization", bearer(token(Role.STAFF)))
                .contentType(MediaType.APPLICATION_JSON).content(json(Map.of("projectId", UUID.randomUUID()))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("projectId"));
        mvc.perform(get("/api/archives").param("completedFrom", "2026-12-01T00:00:00Z").param("completedTo", "2026-01-01T00:00:00Z")
                .header("Authorization", bearer(token(Role.REGULATOR))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
    }
}
