package org.sunbid.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the portal's static files are served and cached. Files whose path names their version (webjars such as ECharts,
 * and the vendored libraries under {@code /vendor/}, e.g. {@code pkijs-3.4.3.min.js}) never change at their URL:
 * browsers keep them a year without asking again. Pages name the portal's own scripts, styles and bundles by content
 * version ({@link PortalPageTransformer}), cached a year the same way ({@link VersionedAssetCaching}); pages themselves
 * and unversioned requests are {@code no-cache} with {@code Last-Modified}: a browser asks again and gets a bodiless 304
 * while the file is unchanged, so a release is seen at once. Boot's own static mapping is off
 * (spring.web.resources.add-mappings) so that this one, with the page transformer, serves the portal. Compression:
 * server.compression.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final PortalAssets assets;

    StaticResources(PortalAssets assets) {
        this.assets = assets;
    }

    /** Static, so that this configuration can take the bean it declares. */
    @Bean
    static PortalAssets portalAssets() {
        return new PortalAssets();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache()).setUseLastModified(true)
                .resourceChain(false).addTransformer(new PortalPageTransformer(assets));
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(VERSIONED);
        registry.addResourceHandler("/vendor/**").addResourceLocations("classpath:/static/vendor/")
                .setCacheControl(VERSIONED);
    }
}
