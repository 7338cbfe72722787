package org.sunbid.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A portal file asked for by its current content version ({@code /js/layout.js?v=<version>}, as pages name them) never
 * changes at that URL: it is cached a year, {@code immutable}. Asked for without a version, or by an old one, it keeps
 * the portal's default ({@code no-cache}, revalidated by Last-Modified), so nothing stale is kept.
 */
@Component
class VersionedAssetCaching extends OncePerRequestFilter {

    private final PortalAssets assets;

    VersionedAssetCaching(PortalAssets assets) {
        this.assets = assets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String version = request.getParameter("v");
        return version == null || !"GET".equals(request.getMethod())
                || !assets.version(request.getRequestURI()).map(version::equals).orElse(false);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String forever = StaticResources.VERSIONED.getHeaderValue();
        response.setHeader(HttpHeaders.CACHE_CONTROL, forever);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) ? forever : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }
        });
    }
}
