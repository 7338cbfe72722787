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
