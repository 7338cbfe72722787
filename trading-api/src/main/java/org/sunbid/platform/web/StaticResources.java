package org.sunbid.platform.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How the portal's static files are cached. Files whose path names their version (webjars such as ECharts, and the
 * vendored libraries under {@code /vendor/}, e.g. {@code pkijs-3.4.3.min.js}) never change at their URL: browsers keep
 * them a year without asking again. Everything else (pages, the portal's own scripts, styles and message bundles) is
 * {@code no-cache} with {@code Last-Modified} (spring.web.resources.cache in application.yml): a browser asks again and
 * gets a bodiless 304 while the file is unchanged, so a release is seen at once. Compression: server.compression.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(VERSIONED);
        registry.addResourceHandler("/vendor/**").addResourceLocations("classpath:/static/vendor/")
                .setCacheControl(VERSIONED);
    }
}
