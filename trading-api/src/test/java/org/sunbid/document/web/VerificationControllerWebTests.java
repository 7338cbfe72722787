package org.sunbid.document.web;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.web.WebSliceTest;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.keys.SigningKey;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.timestamp.TimeStampAuthority;

/**
 * The public verifier's own rule, on a real CA in a temporary folder: a PDF signed with a key the platform's root
 * certified is accepted only when the platform's document signer signed it, since members' keys chain to the same
 * root; an empty or unreadable upload is a problem+json naming the part.
 */
@WebSliceTest(VerificationController.class)
@Import(VerificationControllerWebTests.RealCa.class)
class VerificationControllerWebTests {

    static final String NOT_THE_PLATFORM = "signer is not the platform's document signer";

    @TestConfiguration(proxyBeanMethods = false)
    static class RealCa {

        @Bean
        DemoCa sliceCa() throws IOException {
            return DemoCa.loadOrCreate(Files.createTempDirectory("sunbid-verify-slice"), "slice-ca".toCharArray());
        }

        @Bean
        PlatformTrust slicePlatformTrust(DemoCa ca) {
            return new PlatformTrust(ca.root().certificate(), ca.documentSigner(),
                    new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC()));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoCa ca;
    @TempDir
    Path dir;

    byte[] signedBy(SigningKey key) throws IOException {
        Path plain = dir.resolve("plain.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(plain.toFile());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PadesSigner.sign(plain, out, key, null, PadesSigner.Appearance.lastPage("测试", "签章", "核验"), Instant.now());
        return out.toByteArray();
    }

    MockMultipartFile pdf(byte[] content) {
        return new MockMultipartFile("file", "signed.pdf", "application/pdf", content);
    }

    @Test
    void acceptsAPdfTheDocumentSignerSigned() throws Exception {
        mvc.perform(multipart("/api/public/verify/pdf").file(pdf(signedBy(ca.documentSigner()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].problems").isEmpty());
    }

    @Test
    void namesAMemberSignatureThatChainsToTheSameRootAsNotThePlatforms() throws Exception {
        SigningKey member = ca.issueMember("CN=杭州江南建设有限公司,O=Sunbid test", KeyAlgorithm.EC_P256);
        mvc.perform(multipart("/api/public/verify/pdf").file(pdf(signedBy(member))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].problems", hasItem(org.hamcrest.Matchers.startsWith(NOT_THE_PLATFORM))));
    }

    @Test
    void refusesAnEmptyOrUnreadableUploadNamingThePart() throws Exception {
        mvc.perform(multipart("/api/public/verify/pdf").file(pdf(new byte[0])))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/api/public/verify/pdf").file(pdf("%PDF-1.7 not really".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        mvc.perform(multipart("/api/public/verify/archive")
                .file(new MockMultipartFile("file", "a.zip", "application/zip", "PK not a zip".getBytes())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
    }
}
