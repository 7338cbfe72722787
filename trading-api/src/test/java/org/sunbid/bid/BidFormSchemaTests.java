package org.sunbid.bid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.cli.Bidtool;

/** The bid form that `bidtool package` writes satisfies the JSON Schema the portal publishes, and the schema bites. */
class BidFormSchemaTests {

    @TempDir
    Path dir;

    @Test
    void bidtoolPackageWritesASchemaValidBidForm() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/static/schemas/bid-form.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Files.writeString(dir.resolve("tender.pdf"), "%PDF-1.7\n");
        var cli = Bidtool.commandLine(new Bidtool(Map.of()));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int exit = cli.execute("package", "--lot", "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "--price", "1234567.80",
                "--duration", "300 日历天", "--manager", "张三", "--pdf", dir.resolve("tender.pdf").toString(), "--out",
                dir.resolve("package.zip").toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode form;
        try (ZipFile zip = new ZipFile(dir.resolve("package.zip").toFile())) {
            form = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("bid-form.json")));
        }
        assertThat(schema.validate(form)).isEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) form).put("price", "1234567.8");
        assertThat(schema.validate(form)).isNotEmpty();
    }
}
