package org.sunbid.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The portal's own scripts, styles and message bundles, each with a version taken from its content (the first 12 hex
 * digits of a SHA-256), and the module graph of every script (which modules it imports, found in its import
 * statements). A page names each file as {@code /js/layout.js?v=<version>}, and a versioned script names the modules
 * it imports by their versions too, so a script's version covers its own bytes and its imports' versions: the URL
 * changes when, and only when, what it serves does, and browsers may keep it a year ({@link VersionedAssetCaching}).
 * The graph lets a page ask for all its modules at once ({@link PortalPageTransformer}). Read once at start: the files
 * are in the application's jar. Declared by {@link StaticResources}, so that web slice tests, which load that
 * configuration, have it too.
 */
class PortalAssets {

    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import|export)\\s(?:[^'\";]*?\\sfrom\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern PAGE_AREAS = Pattern.compile("\\bpage\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([a-z-]+)'");

    private final Map<String, String> versions;
    private final Map<String, List<String>> imports;
    private final Map<String, List<String>> areas;

    PortalAssets() {
        this(readAssets());
    }

    PortalAssets(Map<String, byte[]> files) {
        Map<String, String> v = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>(files);
        Map<String, List<String>> graph = new LinkedHashMap<>();
        Map<String, List<String>> pageAreas = new LinkedHashMap<>();
        files.forEach((path, content) -> {
            if (!path.endsWith(".js")) {
                v.put(path, version(content));
            } else {
                String text = new String(content, StandardCharsets.UTF_8);
                List<String> deps = new ArrayList<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    deps.add(URI.create(path).resolve(m.group(1)).getPath());
                }
                graph.put(path, List.copyOf(deps));
                Matcher call = PAGE_AREAS.matcher(text);
                if (call.find()) {
                    List<String> names = new ArrayList<>();
                    Matcher q = QUOTED.matcher(call.group(1));
                    while (q.find()) {
                        names.add(q.group(1));
                    }
                    pageAreas.put(path, List.copyOf(names));
                }
            }
        });
        this.imports = Collections.unmodifiableMap(graph);
        for (String script : graph.keySet()) {
            scriptVersion(script, contents, v, new LinkedHashSet<>());
        }
        this.versions = Collections.unmodifiableMap(v);
        this.areas = Collections.unmodifiableMap(pageAreas);
    }

    /** A script's version: its own bytes and its imports' versions (an import cycle's back edge counts by path). */
    private String scriptVersion(String script, Map<String, byte[]> contents, Map<String, String> v, Set<String> visiting) {
        String known = v.get(script);
        if (known != null || !contents.containsKey(script)) {
            return known;
        }
        visiting.add(script);
        StringBuilder deps = new StringBuilder();
        for (String dep : imports.getOrDefault(script, List.of())) {
            deps.append('\n').append(dep).append('=')
                    .append(visiting.contains(dep) ? "cycle" : scriptVersion(dep, contents, v, visiting));
        }
        visiting.remove(script);
        var all = new java.io.ByteArrayOutputStream();
        all.writeBytes(contents.get(script));
        all.writeBytes(deps.toString().getBytes(StandardCharsets.UTF_8));
        String version = version(all.toByteArray());
        v.put(script, version);
        return version;
    }

    /**
     * A script as served by its version: every module it imports named by its versioned URL (absolute), so the whole
     * graph loads from URLs that never change; anything else in the text is left as written.
     */
    String withVersionedImports(String script, String text) {
        Matcher m = IMPORT.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            String target = URI.create(script).resolve(m.group(1)).getPath();
            String replaced = m.group().substring(0, m.start(1) - m.start()) + versioned(target)
                    + m.group().substring(m.end(1) - m.start());
            m.appendReplacement(out, Matcher.quoteReplacement(replaced));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The content version of a portal file ({@code /js/layout.js}), if it is one. */
    Optional<String> version(String path) {
        return Optional.ofNullable(versions.get(path));
    }

    /** The path with its content version ({@code /js/layout.js?v=…}), or the path as given if it is not versioned. */
    String versioned(String path) {
        String version = versions.get(path);
        return version == null ? path : path + "?v=" + version;
    }

    /** Every module the entry imports, directly or not, in a stable order (the entry itself not included). */
    Set<String> modulesOf(String entry) {
        Set<String> seen = new LinkedHashSet<>();
        collect(entry, seen);
        seen.remove(entry);
        return seen;
    }

    private void collect(String module, Set<String> seen) {
        if (seen.add(module)) {
            imports.getOrDefault(module, List.of()).forEach(dep -> collect(dep, seen));
        }
    }

    /** The message-bundle areas the entry module asks for in its {@code page('area', …)} call. */
    List<String> areasOf(String entry) {
        return areas.getOrDefault(entry, List.of());
    }

    /** Every message bundle path (/i18n/…) of the given areas, the common bundle first, for each language. */
    List<String> bundles(List<String> pageAreas, String language) {
        List<String> out = new ArrayList<>();
        out.add("/i18n/" + language + ".json");
        pageAreas.forEach(area -> out.add("/i18n/" + area + "." + language + ".json"));
        return out.stream().filter(versions::containsKey).toList();
    }

    static String version(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> readAssets() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        var resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : List.of("js/**/*.js", "css/*.css", "i18n/*.json")) {
                for (Resource resource : resolver.getResources("classpath*:static/" + pattern)) {
                    String url = resource.getURL().toString();
                    String path = url.substring(url.lastIndexOf("/static/") + "/static".length());
                    try (InputStream in = resource.getInputStream()) {
                        files.putIfAbsent(path, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
