package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.sunbid.support.ServerTest;

/**
 * The portal's files as a browser gets them over HTTP: versioned paths cached for a year, the portal's own files
 * revalidated with a bodiless 304, text compressed with gzip, a favicon, and API answers still never cached.
 */
@ServerTest
class StaticServingIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void versionedFilesAreCachedForAYearAndCompressed() throws Exception {
        HttpResponse<byte[]> plain = get("/vendor/pkijs/pkijs-3.4.3.min.js");
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000").contains("immutable").doesNotContain("no-store"));
        HttpResponse<byte[]> gzipped = get("/vendor/pkijs/pkijs-3.4.3.min.js", "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes()).isEqualTo(plain.body());
        assertThat(get("/webjars/echarts/5.3.1/dist/echarts.min.js").headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    }

    @Test
    void pagesNameTheirFilesByContentVersionWhichIsCachedAYearWhileOtherVersionsAreRevalidated() throws Exception {
        HttpResponse<byte[]> page = get("/regulator/log.html");
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        java.util.regex.Matcher layout = java.util.regex.Pattern.compile("\"(/js/layout\\.js\\?v=[0-9a-f]{12})\"")
                .matcher(html);
        assertThat(layout.find()).as("layout.js versioned in %s", html).isTrue();
        assertThat(html).contains("rel=\"modulepreload\"").doesNotContain("<script>")
                .containsPattern("data-bundle=\"regulator\\.zh-CN\" href=\"/i18n/regulator\\.zh-CN\\.json\\?v=[0-9a-f]{12}");

        HttpResponse<byte[]> versioned = get(layout.group(1));
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000").contains("immutable"));
        // asked for by its version, a script names its imports by theirs; asked for plainly, it is served as written
        assertThat(new String(versioned.body(), java.nio.charset.StandardCharsets.UTF_8))
                .containsPattern("from '/js/i18n\\.js\\?v=[0-9a-f]{12}'");
        assertThat(new String(get("/js/layout.js").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("from './i18n.js'");
        // an old or made-up version is not promised for a year: it may not be what that version held
        assertThat(get("/js/layout.js?v=000000000000").headers().firstValue("Cache-Control")).hasValue("no-cache");
        // the page as written, to compare
        assertThat(new String(get("/regulator/log.html?assets=plain").body(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("modulepreload").contains("src=\"/js/regulator/log.js\"");
        // the welcome page is transformed too
        assertThat(new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8)).contains("modulepreload");
        // in the visitor's language (the cookie i18n.js keeps)
        assertThat(new String(get("/regulator/log.html", "Cookie", "sunbid.lang=en").body(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("data-bundle=\"regulator.en\"");
    }

    @Test
    void thePortalsOwnFilesAreRevalidatedWithA304AndTheApiIsNeverCached() throws Exception {
        HttpResponse<byte[]> script = get("/js/layout.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String lastModified = script.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<byte[]> again = get("/js/layout.js", "If-Modified-Since", lastModified);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> icon = get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);

        HttpResponse<byte[]> api = get("/api/public/verify/root-certificate");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }
}
