package org.sunbid.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.DigestAlgorithm;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.document.internal.RenderLimit;
import org.sunbid.document.internal.SignedDocuments;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.signing.pdf.DocumentSpec;
import org.sunbid.signing.pdf.PadesSigner;
import org.sunbid.signing.pdf.PdfRenderer;
import org.sunbid.signing.pdf.TimestampSource;

/**
 * Issues platform documents: renders a {@link DocumentSpec} as a Chinese PDF, signs it with the platform's document
 * key (PAdES B-T, the centre's red seal) and stores it immutably. Other features call {@link #issue}.
 */
@Service
@Transactional
public class DocumentManagement {

    private final SignedDocuments documents;
    private final PlatformTrust trust;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String centreName;
    private final String publicBaseUrl;
    private final RenderLimit renderLimit = RenderLimit.perCore();

    DocumentManagement(SignedDocuments documents, PlatformTrust trust, ApplicationEventPublisher events, Clock clock,
            @Value("${sunbid.centre.name:阳光招采公共资源交易中心}") String centreName,
            @Value("${sunbid.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.documents = documents;
        this.trust = trust;
        this.events = events;
        this.clock = clock;
        this.centreName = centreName;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** What to issue: the document's content is built by the caller with {@link PlatformDocuments}. */
    public record IssueRequest(DocumentKind kind, UUID subjectId, UUID ownerId, Visibility visibility,
            java.util.function.Function<String, DocumentSpec> content) {
    }

    /**
     * Renders, signs and stores a document. The content function receives the document's public verification URL,
     * which the PDF prints as a QR code.
     */
    public SignedDocument issue(IssueRequest request) {
        UUID id = UUID.randomUUID();
        DocumentSpec spec = request.content().apply(verificationUrl(DocumentId.of(id)));
        Instant now = clock.instant();
        byte[] pdf = renderAndSign(spec, request.kind().zh(), now);
        SignedDocument document = new SignedDocument(id, request.kind(), request.subjectId(), request.ownerId(),
                request.visibility(), spec.title(), sha256(pdf), pdf.length,
                trust.documentSigner().certificate().getSubjectX500Principal().getName(), now);
        documents.insert(document, pdf);
        events.publishEvent(new DocumentIssued(id, request.kind(), request.subjectId(), document.sha256(), now));
        return document;
    }

    /**
     * Renders and signs a document without storing or listing it: for a feature that hands the PDF out only to those
     * it authorises (an alert's evidence pack). {@code reason} names the document in the signature.
     */
    public byte[] renderSigned(DocumentSpec spec, String reason) {
        return renderAndSign(spec, reason, clock.instant());
    }

    private byte[] renderAndSign(DocumentSpec spec, String reason, Instant now) {
        return renderLimit.run(() -> renderAndSignNow(spec, reason, now));
    }

    private byte[] renderAndSignNow(DocumentSpec spec, String reason, Instant now) {
        Path plain = null;
        try {
            plain = Files.createTempFile("sunbid-doc-", ".pdf");
            try (OutputStream out = Files.newOutputStream(plain)) {
                PdfRenderer.render(spec, out);
            }
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            PadesSigner.sign(plain, signed, trust.documentSigner(), TimestampSource.of(trust.timestamps()),
                    PadesSigner.Appearance.lastPage(centreName, centreName, reason + "签章"), now);
            return signed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (plain != null) {
                try {
                    Files.deleteIfExists(plain);
                } catch (IOException ignored) {
                    // a temporary file of a public document; nothing secret is left behind
                }
            }
        }
    }

    public String verificationUrl(DocumentId document) {
        return publicBaseUrl + "/verify/documents/" + document.value();
    }

    @Transactional(readOnly = true)
    public Optional<SignedDocument> find(DocumentId document) {
        return documents.find(document.value());
    }

    @Transactional(readOnly = true)
    public List<SignedDocument> ownedBy(MemberId member) {
        return documents.ownedBy(member.value());
    }

    @Transactional(readOnly = true)
    public List<SignedDocument> forSubject(DocumentSubject subject) {
        return documents.forSubject(subject.value());
    }

    /** The PDF, if {@code reader} may see it (anonymous readers pass {@code null}); otherwise empty, as if absent. */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdfFor(DocumentId document, CurrentUser reader) {
        UUID id = document.value();
        return documents.find(id).filter(d -> mayRead(d, reader)).flatMap(d -> documents.pdf(id));
    }

    /** The PDF regardless of visibility, for the platform's own use (archive packages). Never exposed over HTTP. */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdfForPlatform(DocumentId document) {
        return documents.pdf(document.value());
    }

    /**
     * Public documents to anyone; the others to staff, regulators and admins, and owner documents to their owner. A bid
     * receipt or withdrawal receipt names who bid: only its bidder reads it over HTTP (staff and regulators receive it
     * in the project's archive package, which exists only after the opening).
     */
    static boolean mayRead(SignedDocument document, CurrentUser reader) {
        if (document.visibility() == Visibility.PUBLIC) {
            return true;
        }
        if (reader == null) {
            return false;
        }
        boolean ownerOnly = document.kind() == DocumentKind.BID_RECEIPT
                || document.kind() == DocumentKind.BID_WITHDRAWAL_RECEIPT;
        if (!ownerOnly && (reader.is(Role.STAFF) || reader.is(Role.REGULATOR) || reader.is(Role.ADMIN))) {
            return true;
        }
        return document.visibility() == Visibility.OWNER && document.ownerId() != null
                && reader.memberId().filter(document.ownerId()::equals).isPresent();
    }

    static String sha256(byte[] bytes) {
        return DigestAlgorithm.SHA256.hex(bytes);
    }
}
