package org.sunbid.platform.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.timestamp.TimeStampAuthority;

@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrustConfiguration.class);

    /**
     * Demo mode creates the whole demo CA (with a demo member's and the demo custodians' keys); otherwise only the
     * platform's own service keys exist on its disk. {@link PlatformProperties} already refused the published
     * passphrase outside demo mode.
     */
    @Bean
    PlatformTrust platformTrust(PlatformProperties properties, Clock clock) {
        char[] passphrase = properties.keys().passphrase().toCharArray();
        DemoCa ca;
        if (properties.demo()) {
            if (properties.keys().publishedPassphrase()) {
                log.warn("""

                        ************************************************************************************
                        * DEMO MODE: every key under {} is protected by the PUBLISHED passphrase
                        * "{}". Anyone with a copy of that folder can open every sealed bid of this instance
                        * and forge its tokens. Never put real tenders on it; set SUNBID_KEYS_PASSPHRASE and
                        * start without --sunbid.demo=true for real use.
                        ************************************************************************************""",
                        properties.dataDir().toAbsolutePath().normalize(), PlatformProperties.PUBLISHED_PASSPHRASE);
            }
            ca = DemoCa.loadOrCreate(properties.caDirectory(), passphrase);
        } else {
            ca = DemoCa.loadOrCreatePlatform(properties.caDirectory(), passphrase);
        }
        return new PlatformTrust(ca.root().certificate(), ca.documentSigner(),
                new TimeStampAuthority(ca.timeStampingAuthority(), clock));
    }
}
