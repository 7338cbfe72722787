package org.sunbid.demo.seed;

import java.security.cert.CertificateEncodingException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.bid.OpeningKeys;
import org.sunbid.identity.AccountId;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;

/**
 * Demo data: binds the demo CA's three custodian certificates to the demo custodian accounts before the demo
 * projects are published, so their lots get opening keys and a newcomer can release shares with bidtool.
 */
@Component
@ConditionalOnProperty(name = "sunbid.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoCustodians implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCustodians.class);

    private final AccountManagement accounts;
    private final OpeningKeys custodians;
    private final PlatformProperties properties;

    DemoCustodians(AccountManagement accounts, OpeningKeys custodians, PlatformProperties properties) {
        this.accounts = accounts;
        this.custodians = custodians;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws CertificateEncodingException {
        char[] password = properties.keys().passphrase().toCharArray();
        DemoCa ca = DemoCa.loadOrCreate(properties.caDirectory(), password);
        for (int n = 1; n <= DemoCa.CUSTODIANS; n++) {
            String username = "custodian" + n;
            var account = accounts.findByUsername(username);
            if (account.isEmpty() || custodians.custodianCertificate(AccountId.of(account.get().id())).isPresent()) {
                continue;
            }
            SigningKey key = ca.custodian(n, password);
            // the custodian's own act, as through the API: checked, bound and logged like any custodian's
            custodians.bindCustodianCertificate(new CurrentUser(account.get().id(), username, Role.CUSTODIAN,
                    Optional.empty()), key.certificate().getEncoded());
            log.info("Demo: custodian{} holds key shares for {}", n,
                    properties.caDirectory().resolve(DemoCa.CUSTODIAN_PREFIX + n + ".p12"));
        }
    }
}
