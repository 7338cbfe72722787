package org.sunbid.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.id.MemberId;
import org.sunbid.project.ProjectFixtures;
import org.sunbid.project.ProjectSetup;
import org.sunbid.project.ProjectView;
import org.sunbid.project.Registration;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.CertificateIssuer;
import org.sunbid.signing.keys.SigningKey;
import tools.jackson.databind.json.JsonMapper;

/** Published one-lot open tenders made through the project feature's service, for deadline moves. */
public final class PublishedLots {

    static final String PASSWORD = "Sunbid@Test2026";

    public record Lot(UUID project, UUID lot, CurrentUser staff) {
    }

    private PublishedLots() {
    }

    /**
     * A published lot whose documents went on sale at {@code saleFrom}, with the given deadline and opening; a test
     * project (periods shrink with the accelerator) when {@code test}.
     */
    public static Lot publish(AccountManagement accounts, OpeningKeys openingKeys, ProjectSetup projects, boolean test,
            Instant saleFrom, Instant deadline, Instant opening) throws Exception {
        for (int i = 0; i < 3; i++) {
            String username = "custodian-" + UUID.randomUUID().toString().substring(0, 8);
            UUID id = accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "保管人" + i, null).value();
            SigningKey key = CertificateIssuer.selfSigned("CN=保管人" + i + ",O=Sunbid", Certificates.KeyAlgorithm.EC_P256,
                    Duration.ofDays(365));
            openingKeys.bindCustodianCertificate(new CurrentUser(id, username, Role.CUSTODIAN, Optional.empty()),
                    Certificates.toPem(key.certificate()).getBytes(StandardCharsets.US_ASCII));
        }
        CurrentUser staff = platform(accounts, Role.STAFF);
        CurrentUser regulator = platform(accounts, Role.REGULATOR);
        String tendereeName = "tenderee-" + UUID.randomUUID().toString().substring(0, 8);
        UUID member = UUID.randomUUID();
        UUID account = accounts.createMemberAccount(tendereeName, PASSWORD, Role.TENDEREE, MemberId.of(member), "西湖区城建中心").value();
        CurrentUser tenderee = new CurrentUser(account, tendereeName, Role.TENDEREE, Optional.of(member));
        Map<String, Object> form = ProjectFixtures.openTender("截止时间变更测试工程");
        form.put("lots", List.of(Map.of("name", "主线", "estimate", "10000000.00", "deposit", "200000.00")));
        form.put("documentsOnSaleFrom", saleFrom.toString());
        form.put("documentsOnSaleUntil", deadline.minusSeconds(1).toString());
        form.put("bidDeadline", deadline.toString());
        form.put("openingAt", opening.toString());
        Registration registration = JsonMapper.builder().build().convertValue(form, Registration.class);
        ProjectView project = test
                ? projects.registerTestProject(UUID.randomUUID(), member, Role.TENDEREE, account, registration)
                : projects.register(tenderee, registration);
        projects.publishAfterReview(project.id(), tenderee, staff, List.of(staff, regulator));
        return new Lot(project.id(), project.lots().get(0).id(), staff);
    }

    private static CurrentUser platform(AccountManagement accounts, Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.createPlatformAccount(username, PASSWORD, role, role + " 测试", null).value();
        return new CurrentUser(id, username, role, Optional.empty());
    }
}
