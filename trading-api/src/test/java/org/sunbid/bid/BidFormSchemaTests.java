package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.cli.Bidtool;

/**
 * The bid form that `bidtool package` writes satisfies the JSON Schema the portal publishes, and the platform's run-time
 * check ({@link BidFormSchema}) names each broken rule by the JSON pointer of the field at fault.
 */
class BidFormSchemaTests {

    @TempDir
    Path dir;

    static final String VALID = """
            {"format":"sunbid-bid-form/1","lot":"6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b","price":"1234567.80",
             "currency":"CNY","duration":"300 日历天","quality":"合格","projectManager":"张三",
             "fingerprint":{"mac":["00:11:22:33:44:55"],"cpu":"BFEBFBFF000906EA","disk":["S3Z9NB0K"]},
             "documents":["tender.pdf"]}""";

    @Test
    void bidtoolPackageWritesASchemaValidBidForm() throws Exception {
        Files.writeString(dir.resolve("tender.pdf"), "%PDF-1.7\n");
        var cli = Bidtool.commandLine(new Bidtool(Map.of()));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute("package", "--lot", "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "--price", "1234567.80",
                "--duration", "300 日历天", "--manager", "张三", "--pdf", dir.resolve("tender.pdf").toString(), "--out",
                dir.resolve("package.zip").toString());
        assertThat(exit).as(err.toString()).isZero();
        String form;
        try (ZipFile zip = new ZipFile(dir.resolve("package.zip").toFile())) {
            form = new String(zip.getInputStream(zip.getEntry("bid-form.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(BidFormSchema.violations(form)).isEmpty();
        assertThat(BidFormSchema.violations(form.replace("\"1234567.80\"", "\"1234567.8\"")))
                .extracting(BidFormSchema.Violation::pointer).containsExactly("/price");
    }

    @Test
    void aConformingFormHasNoViolation() {
        assertThat(BidFormSchema.violations(VALID)).isEmpty();
    }

    @Test
    void eachBrokenRuleIsNamedByItsJsonPointer() {
        assertThat(pointers(VALID.replace("\"1234567.80\"", "1234567.80"))).containsExactly("/price");
        assertThat(pointers(VALID.replace("\"currency\":\"CNY\"", "\"currency\":\"USD\""))).containsExactly("/currency");
        assertThat(pointers(VALID.replace("\"projectManager\":\"张三\",", ""))).containsExactly("/projectManager");
        assertThat(pointers(VALID.replace("\"format\"", "\"hidden\":1,\"format\""))).containsExactly("/hidden");
        assertThat(pointers(VALID.replace("\"cpu\":\"BFEBFBFF000906EA\",", ""))).containsExactly("/fingerprint/cpu");
        assertThat(pointers(VALID.replace("[\"tender.pdf\"]", "[\"tender.pdf\", 7]"))).containsExactly("/documents/1");
        assertThat(pointers(VALID.replace("6f1c2a34", "6F1C2A34"))).containsExactly("/lot");
        assertThat(pointers("{\"price\": 1}")).contains("/format", "/price", "/lot", "/documents");
    }

    @Test
    void textThatIsNotJsonOrNoFormIsOneViolationAtTheRoot() {
        assertThat(pointers("price=100")).containsExactly("");
        assertThat(pointers(null)).containsExactly("");
    }

    private static List<String> pointers(String json) {
        return BidFormSchema.violations(json).stream().map(BidFormSchema.Violation::pointer).toList();
    }
}
