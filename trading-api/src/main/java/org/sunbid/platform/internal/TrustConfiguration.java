package org.sunbid.platform.internal;

import java.nio.file.Path;
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
        Path folder = properties.keys().caDir() != null ? properties.keys().caDir()
                : properties.dataDir().resolve("keys").resolve("ca");
        DemoCa ca = DemoCa.loadOrCreate(folder, properties.keys().passphrase().toCharArray());
        return new PlatformTrust(ca.root().certificate(), ca.documentSigner(),
                new TimeStampAuthority(ca.timeStampingAuthority(), clock));
    }
}
