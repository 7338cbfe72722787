package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Pages name their files by content version, map every module of their graph and preload it with their bundles. */
class PortalPageTransformerTests {

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static PortalAssets assets(String layout) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("/js/regulator/log.js", text("""
                // the log page
                import { page } from '/js/layout.js';
                import {
                  leafHash, rootFromPath,
                } from './merkle.js';
                await page('regulator');
                """));
        files.put("/js/regulator/merkle.js", text("export const leafHash = 1;\n"));
        files.put("/js/layout.js", text(layout));
        files.put("/js/i18n.js", text("export function t() {}\n"));
        files.put("/js/session.js", text("import { t } from './i18n.js';\n"));
        files.put("/css/portal.css", text("body {}\n"));
        files.put("/i18n/zh-CN.json", text("{}"));
        files.put("/i18n/en.json", text("{\"a\":1}"));
        files.put("/i18n/regulator.zh-CN.json", text("{}"));
        files.put("/i18n/regulator.en.json", text("{}"));
        files.put("/i18n/staff.zh-CN.json", text("{}"));
        return new PortalAssets(files);
    }

    static final String LAYOUT = "import { load, t } from './i18n.js';\nimport { session } from './session.js';\n";

    static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <title>监督日志</title>
              <link rel="stylesheet" href="/css/portal.css">
              <link rel="stylesheet" href="/css/missing.css">
              <script type="module" src="/js/regulator/log.js"></script>
            </head>
            <body><main id="main"><h1>监督日志</h1></main></body>
            </html>
            """;

    @Test
    void namesFilesByVersionAndPreloadsTheWholeModuleGraphWithThePagesBundlesInTheVisitorsLanguage() {
        PortalAssets assets = assets(LAYOUT);
        String page = new PortalPageTransformer(assets).page(PAGE, "zh-CN");
        String log = assets.versioned("/js/regulator/log.js");
        assertThat(log).matches("/js/regulator/log\\.js\\?v=[0-9a-f]{12}");
        assertThat(page).contains("<script type=\"module\" src=\"" + log + "\"")
                .contains("href=\"" + assets.versioned("/css/portal.css") + "\"")
                // a file that is not the portal's own stays as written
                .contains("href=\"/css/missing.css\"")
                // no inline script: the content security policy allows none
                .doesNotContain("<script>").doesNotContain("importmap");
        // every module, however deep (log → layout → session → i18n), relative or absolute, is preloaded once
        for (String module : new String[] { "/js/layout.js", "/js/regulator/merkle.js", "/js/session.js", "/js/i18n.js" }) {
            assertThat(page).containsOnlyOnce("<link rel=\"modulepreload\" href=\"" + assets.versioned(module) + "\">");
        }
        // the page's bundles (common + regulator) in the visitor's language only; not another area's
        assertThat(page).contains("data-bundle=\"regulator.zh-CN\" href=\"" + assets.versioned("/i18n/regulator.zh-CN.json"))
                .contains("data-bundle=\"zh-CN\"").doesNotContain("regulator.en").doesNotContain("staff.zh-CN");
        assertThat(new PortalPageTransformer(assets).page(PAGE, "en")).contains("data-bundle=\"regulator.en\"")
                .doesNotContain("regulator.zh-CN");
        assertThat(page.indexOf("modulepreload")).isBetween(page.indexOf("</title>"), page.indexOf("<link rel=\"stylesheet\""));
    }

    @Test
    void aVersionedScriptNamesItsImportsByTheirVersions() {
        PortalAssets assets = assets(LAYOUT);
        String served = assets.withVersionedImports("/js/regulator/log.js", """
                import { page } from '/js/layout.js';
                import {
                  leafHash,
                } from './merkle.js';
                const text = "import x from './not-an-import.js'";
                """);
        assertThat(served).contains("from '" + assets.versioned("/js/layout.js") + "';")
                .contains("} from '" + assets.versioned("/js/regulator/merkle.js") + "';")
                .contains("'./not-an-import.js'");
    }

    @Test
    void aChangedFileGetsANewVersionAsDoesEveryScriptThatImportsItButNoOther() {
        PortalAssets before = assets(LAYOUT);
        PortalAssets after = assets(LAYOUT + "// changed\n");
        assertThat(after.versioned("/js/layout.js")).isNotEqualTo(before.versioned("/js/layout.js"));
        // log.js names layout.js by its version, so what log.js serves changed too
        assertThat(after.versioned("/js/regulator/log.js")).isNotEqualTo(before.versioned("/js/regulator/log.js"));
        assertThat(after.versioned("/js/i18n.js")).isEqualTo(before.versioned("/js/i18n.js"));
        assertThat(after.versioned("/js/regulator/merkle.js")).isEqualTo(before.versioned("/js/regulator/merkle.js"));
        assertThat(after.version("/js/unknown.js")).isEmpty();
        assertThat(after.versioned("/vendor/pkijs/pkijs-3.4.3.min.js")).isEqualTo("/vendor/pkijs/pkijs-3.4.3.min.js");
    }

    @Test
    void aPageWithoutModulesOnlyGetsVersionedFileNames() {
        PortalAssets assets = assets(LAYOUT);
        String page = new PortalPageTransformer(assets).page(
                "<head><title>x</title><link rel=\"stylesheet\" href=\"/css/portal.css\"></head>", "zh-CN");
        assertThat(page).doesNotContain("modulepreload").contains(assets.versioned("/css/portal.css"));
    }
}
