package org.sunbid.bid.internal;

import java.security.cert.CertificateEncodingException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountManagement;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.signing.certs.Certificates;
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
    private final CustodianCertificates custodians;
    private final PlatformProperties properties;
    private final Clock clock;

    DemoCustodians(AccountManagement accounts, CustodianCertificates custodians, PlatformProperties properties, Clock clock) {
        this.accounts = accounts;
        this.custodians = custodians;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws CertificateEncodingException {
        char[] password = properties.keys().passphrase().toCharArray();
        DemoCa ca = DemoCa.loadOrCreate(properties.caDirectory(), password);
        for (int n = 1; n <= DemoCa.CUSTODIANS; n++) {
            var account = accounts.findByUsername("custodian" + n);
            if (account.isEmpty() || custodians.custodianCertificate(account.get().id()).isPresent()) {
                continue;
            }
            SigningKey key = ca.custodian(n, password);
            custodians.bindCustodian(account.get().id(), key.certificate().getEncoded(),
                    Certificates.fingerprint(key.certificate()), clock.instant());
            log.info("Demo: custodian{} holds key shares for {}", n,
                    properties.caDirectory().resolve(DemoCa.CUSTODIAN_PREFIX + n + ".p12"));
        }
    }
}
