package org.sunbid.platform.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.timestamp.TimeStampAuthority;

@Configuration(proxyBeanMethods = false)
class TrustConfiguration {

    @Bean
    PlatformTrust platformTrust(PlatformProperties properties, Clock clock) {
        DemoCa ca = DemoCa.loadOrCreate(properties.caDirectory(), properties.keys().passphrase().toCharArray());
        return new PlatformTrust(ca.root().certificate(), ca.documentSigner(),
                new TimeStampAuthority(ca.timeStampingAuthority(), clock));
    }
}
