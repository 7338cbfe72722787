package org.sunbid.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Serves each portal page so that it needs fewer sequential round trips and may cache its files for a year, with no
 * inline script (the content security policy allows none):
 * <ul>
 * <li>its own scripts and styles are named by version ({@code /css/portal.css?v=…}), and a script asked for by its
 * version names its imports by theirs ({@link PortalAssets#withVersionedImports}), so the whole module graph loads
 * from URLs that never change;</li>
 * <li>{@code <link rel="modulepreload">} for the whole graph: the browser fetches all modules at once instead of
 * discovering them level by level (page → its script → layout.js → i18n.js …);</li>
 * <li>the message bundles of the page's areas (its {@code page('area')} call) preloaded in the visitor's language (the
 * {@code sunbid.lang} cookie i18n.js keeps beside localStorage), marked {@code data-bundle} so that i18n.js fetches
 * exactly the preloaded URL.</li>
 * </ul>
 * {@code ?assets=plain} serves a page as written (to compare, and to read it as authored); a script asked for without
 * a version is served as written.
 */
class PortalPageTransformer implements ResourceTransformer {

    static final String PLAIN = "plain";
    static final String LANGUAGE_COOKIE = "sunbid.lang";

    private static final Pattern ENTRY = Pattern.compile("<script type=\"module\" src=\"([^\"?]+)\"");
    private static final Pattern OWN_FILE = Pattern.compile("((?:src|href)=\")(/(?:js|css)/[^\"?]+)\"");
    private static final Pattern END_OF_TITLE = Pattern.compile("</title>\\s*\\n?");

    private final PortalAssets assets;

    PortalPageTransformer(PortalAssets assets) {
        this.assets = assets;
    }

    @Override
    public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
            throws IOException {
        Resource given = chain.transform(request, resource);
        String name = given.getFilename();
        if (name == null) {
            return given;
        }
        if (name.endsWith(".js") && request.getParameter("v") != null) {
            return new TransformedResource(given, assets.withVersionedImports(request.getRequestURI(),
                    given.getContentAsString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
        if (!name.endsWith(".html") || PLAIN.equals(request.getParameter("assets"))) {
            return given;
        }
        return new TransformedResource(given, page(given.getContentAsString(StandardCharsets.UTF_8),
                language(request)).getBytes(StandardCharsets.UTF_8));
    }

    private static String language(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return "en";
                }
            }
        }
        return "zh-CN";
    }

    /** The page with versioned file names and the preloads of its modules and bundles in the given language. */
    String page(String html, String language) {
        List<String> entries = new ArrayList<>();
        Matcher entry = ENTRY.matcher(html);
        while (entry.find()) {
            entries.add(entry.group(1));
        }
        String named = OWN_FILE.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + assets.versioned(m.group(2)) + "\""));
        if (entries.isEmpty()) {
            return named;
        }
        Set<String> modules = new LinkedHashSet<>();
        Set<String> areas = new LinkedHashSet<>();
        for (String module : entries) {
            modules.addAll(assets.modulesOf(module));
            areas.addAll(assets.areasOf(module));
        }
        StringBuilder head = new StringBuilder();
        for (String module : modules) {
            head.append("  <link rel=\"modulepreload\" href=\"").append(assets.versioned(module)).append("\">\n");
        }
        for (String bundle : assets.bundles(List.copyOf(areas), language)) {
            String id = bundle.substring("/i18n/".length(), bundle.length() - ".json".length());
            head.append("  <link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" data-bundle=\"").append(id)
                    .append("\" href=\"").append(assets.versioned(bundle)).append("\">\n");
        }
        Matcher title = END_OF_TITLE.matcher(named);
        if (!title.find()) {
            return named;
        }
        return named.substring(0, title.end()) + head + named.substring(title.end());
    }
}
