package org.sunbid.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Requests Tomcat refuses before any servlet runs (a request line over 8 KB, a 100 KB header) are answered in
 * problem+json, not Tomcat's HTML page. A real Tomcat on a free port with the platform's valve, no Spring context.
 */
class ContainerProblemsTests {

    static WebServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new ContainerProblems(new Problems(messages)).customize(factory);
        server = factory.getWebServer(context -> context.addServlet("ok", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(204);
            }
        }).addMapping("/*"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    @Test
    void aRequestLineOverEightKilobytesIsAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/public/search?q=" + "a".repeat(9000))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://sunbid.org/problems/too-large\"")
                .doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void aHundredKilobyteTokenIsAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/accounts/me"))
                .header("Authorization", "Bearer " + "x".repeat(100_000)).header("Accept-Language", "en"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("https://sunbid.org/problems/").doesNotContain("<html");
    }

    @Test
    void ordinaryRequestsPassUntouched() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/public/search?q=x"))).statusCode()).isEqualTo(204);
    }
}
