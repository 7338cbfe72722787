package org.sunbid.demo;

import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.member.MemberFixtures;
import org.sunbid.member.MemberSetup;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.support.MutableClock;

/**
 * Makes demo tenders for tests that run with demo data off: the demo's people (staff, regulator, tenderee, approved
 * bidders, three custodians with the demo CA's certificates bound) and a {@link DemoTender} wired to the context's
 * services on the tests' {@link MutableClock}. The tests then start it in a thread of their own.
 */
@Component
public class DemoTenders {

    public static final String PASSWORD = "Sunbid@Test2026";

    private final PlatformProperties platform;
    private final AccountManagement accounts;
    private final MemberSetup members;
    private final OpeningKeys openingKeys;
    private final DemoTenderServices services;
    private final MutableClock clock;

    DemoTenders(PlatformProperties platform, AccountManagement accounts, MemberSetup members, OpeningKeys openingKeys,
            DemoTenderServices services, MutableClock clock) {
        this.platform = platform;
        this.accounts = accounts;
        this.members = members;
        this.openingKeys = openingKeys;
        this.services = services;
        this.clock = clock;
    }

    /** The people a demo tender needs, with fresh usernames (password {@link #PASSWORD}). */
    public record Cast(String staff, String regulator, String tenderee, List<String> bidders, List<String> custodians) {
    }

    /** A fresh cast with {@code bidders} approved bidders and three custodians holding demo certificates. */
    public Cast cast(int bidders) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String staff = "demo-staff-" + suffix;
        accounts.createPlatformAccount(staff, PASSWORD, Role.STAFF, "交易中心 演示", null);
        String regulator = "demo-regulator-" + suffix;
        accounts.createPlatformAccount(regulator, PASSWORD, Role.REGULATOR, "监管 演示", null);
        String tenderee = "demo-tenderee-" + suffix;
        accounts.createMemberAccount(tenderee, PASSWORD, Role.TENDEREE, MemberId.of(UUID.randomUUID()), "西湖区留下街道办事处");
        List<String> bidderNames = new ArrayList<>();
        for (int i = 0; i < bidders; i++) {
            bidderNames.add(MemberFixtures.approved(members, Role.BIDDER).username());
        }
        char[] passphrase = platform.keys().passphrase().toCharArray();
        DemoCa ca = DemoCa.loadOrCreate(platform.caDirectory(), passphrase);
        List<String> custodians = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String username = "demo-custodian-" + suffix + "-" + n;
            UUID id = accounts.createPlatformAccount(username, PASSWORD, Role.CUSTODIAN, "密钥保管人 " + n, null).value();
            try {
                openingKeys.bindCustodianCertificate(new CurrentUser(id, username, Role.CUSTODIAN, Optional.empty()),
                        ca.custodian(n, passphrase).certificate().getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
            custodians.add(username);
        }
        return new Cast(staff, regulator, tenderee, List.copyOf(bidderNames), List.copyOf(custodians));
    }

    /**
     * Settings for a demo tender of {@code cast} on project {@code project}, stopping after the opening (no award):
     * a test project's day lasts a minute here, so tests move the clock over the bid period.
     */
    public DemoTenderProperties settings(Cast cast, UUID project, Duration bidSpacing, Duration releaseDelay) {
        return new DemoTenderProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(3), bidSpacing, releaseDelay,
                cast.bidders(), cast.tenderee(), cast.staff(), cast.regulator(), cast.custodians(), project, false);
    }

    /** A demo tender wired to this context's services and clock; not started. */
    public DemoTender tender(DemoTenderProperties settings) {
        return new DemoTender(settings, services, clock);
    }
}
