package org.sunbid.platform.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** zh-CN unless the client asks for English. */
    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(ZH_CN, Locale.ENGLISH));
        resolver.setDefaultLocale(ZH_CN);
        return resolver;
    }
}
