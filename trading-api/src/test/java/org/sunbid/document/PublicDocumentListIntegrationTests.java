package org.sunbid.document;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.sunbid.support.PlatformTest;

/** The notice page lists a project's public signed documents; owners' documents stay hidden. */
@PlatformTest
class PublicDocumentListIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    DocumentManagement documents;

    SignedDocument issue(UUID subject, DocumentKind kind, Visibility visibility) {
        return documents.issue(new DocumentManagement.IssueRequest(kind, subject, UUID.randomUUID(), visibility,
                PlatformDocuments.bidReceipt(new PlatformDocuments.BidReceipt("E3301000001202611270009", "文三路改造工程",
                        "第一标段", "杭州江南建设有限公司", "91330100MA2B3C4D5E", UUID.randomUUID(), "cd".repeat(32), 1024,
                        Instant.now(), Instant.now(), "99"))));
    }

    @Test
    void listsOnlyThePublicDocumentsOfTheGivenSubjects() throws Exception {
        UUID lot = UUID.randomUUID();
        UUID otherLot = UUID.randomUUID();
        SignedDocument record = issue(lot, DocumentKind.OPENING_RECORD, Visibility.PUBLIC);
        issue(lot, DocumentKind.BID_RECEIPT, Visibility.OWNER);
        SignedDocument other = issue(otherLot, DocumentKind.OPENING_RECORD, Visibility.PUBLIC);

        mvc.perform(get("/api/public/documents").param("subject", lot.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(record.id().toString()))
                .andExpect(jsonPath("$[0].kind").value("OPENING_RECORD"))
                .andExpect(jsonPath("$[0].sha256").value(record.sha256()));
        mvc.perform(get("/api/public/documents").param("subject", lot.toString(), otherLot.toString(), lot.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].id").value(other.id().toString()));
    }

    @Test
    void theQrCodeAddressOfADocumentLeadsToItsVerificationPage() throws Exception {
        SignedDocument record = issue(UUID.randomUUID(), DocumentKind.OPENING_RECORD, Visibility.PUBLIC);
        String qr = documents.verificationUrl(DocumentId.of(record.id()));
        mvc.perform(get(java.net.URI.create(qr).getPath()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Location", "/verify.html?document=" + record.id()));
        mvc.perform(get("/verify/documents/not-a-uuid")).andExpect(status().isBadRequest());
    }

    @Test
    void aSubjectThatIsNotAnIdIsA400() throws Exception {
        mvc.perform(get("/api/public/documents").param("subject", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").exists());
        mvc.perform(get("/api/public/documents"))
                .andExpect(status().isBadRequest());
    }
}
