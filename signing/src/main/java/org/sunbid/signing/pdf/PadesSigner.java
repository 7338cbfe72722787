package org.sunbid.signing.pdf;

import java.awt.Color;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.SigningKey;

/**
 * Signs PDFs with PAdES baseline signatures (ETSI EN 319 142): a CAdES detached CMS with the signing-certificate-v2
 * attribute and no signingTime attribute (the time goes in /M), plus an RFC 3161 signature timestamp (B-T) when a
 * {@link TimestampSource} is given. Each signature is an incremental update, so earlier signatures stay valid, and has a
 * visible appearance with the red electronic seal, the signer and the time.
 */
public final class PadesSigner {

    /** Room reserved in /Contents for the CMS (bytes): signature, certificates and the timestamp token. */
    static final int SIGNATURE_SIZE = 32 * 1024;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'CST'")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private PadesSigner() {
    }

    /**
     * Where and how the signature shows.
     *
     * @param sealText     the organisation name set along the seal's ring
     * @param signerName   shown beside the seal
     * @param reason       e.g. 开标记录签章
     * @param location     e.g. the centre's city
     * @param page         zero-based page, or -1 for the last page
     * @param x            lower-left corner in points from the page's lower-left
     * @param y            lower-left corner
     */
    public record Appearance(String sealText, String signerName, String reason, String location, int page, float x,
            float y) {

        /** Bottom right of the last page, clear of the footer. */
        public static Appearance lastPage(String sealText, String signerName, String reason) {
            return new Appearance(sealText, signerName, reason, "", -1, 300, 60);
        }
    }

    /**
     * Signs {@code pdf} and writes the signed file to {@code out}: the original bytes, then an incremental update.
     *
     * @param timestamps the TSA for a B-T signature, or {@code null} for B-B
     * @param signingTime the time put in /M and shown in the appearance
     */
    public static void sign(Path pdf, OutputStream out, SigningKey key, TimestampSource timestamps,
            Appearance appearance, Instant signingTime) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf.toFile()))) {
            if (document.isEncrypted()) {
                throw new PdfSigningException("the PDF is encrypted");
            }
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(appearance.signerName());
            signature.setReason(appearance.reason());
            if (appearance.location() != null && !appearance.location().isBlank()) {
                signature.setLocation(appearance.location());
            }
            Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signingTime.toEpochMilli());
            signature.setSignDate(when);

            PDSignatureField field = addField(document, signature, appearance);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            document.addSignature(signature, options);
            // Without a visual template PDFBox blanks the widget; draw ours after it.
            drawAppearance(document, field, appearance, signingTime);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            byte[] cms = cms(external.getContent(), key, timestamps);
            if (cms.length > SIGNATURE_SIZE) {
                throw new PdfSigningException("signature larger than the reserved " + SIGNATURE_SIZE + " bytes");
            }
            external.setSignature(cms);
            options.close();
        } catch (IOException e) {
            throw new PdfSigningException("cannot sign PDF: " + e.getMessage(), e);
        }
    }

    private static PDSignatureField addField(PDDocument document, PDSignature signature, Appearance appearance)
            throws IOException {
        int pageIndex = appearance.page() < 0 ? document.getNumberOfPages() - 1 : appearance.page();
        if (pageIndex < 0 || pageIndex >= document.getNumberOfPages()) {
            throw new PdfSigningException("no page " + appearance.page() + " in the document");
        }
        PDPage page = document.getPage(pageIndex);
        PDAcroForm form = document.getDocumentCatalog().getAcroForm();
        if (form == null) {
            form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
        }
        form.getCOSObject().setNeedToBeUpdated(true);
        form.setSignaturesExist(true);
        form.setAppendOnly(true);

        PDSignatureField field = new PDSignatureField(form);
        field.setPartialName("Signature" + (document.getSignatureFields().size() + 1));
        field.getCOSObject().setItem(COSName.V, signature);
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setPage(page);
        widget.setPrinted(true);
        List<org.apache.pdfbox.pdmodel.interactive.form.PDField> allFields = new ArrayList<>(form.getFields());
        allFields.add(field);
        form.setFields(allFields);
        COSArray fields = form.getCOSObject().getCOSArray(COSName.FIELDS);
        if (fields != null) {
            fields.setNeedToBeUpdated(true);
        }
        List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annotations = new ArrayList<>(
                page.getAnnotations());
        annotations.add(widget);
        page.setAnnotations(annotations);
        COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annots != null) {
            annots.setNeedToBeUpdated(true);
        }
        page.getCOSObject().setNeedToBeUpdated(true);
        widget.getCOSObject().setNeedToBeUpdated(true);
        field.getCOSObject().setNeedToBeUpdated(true);
        return field;
    }

    private static void drawAppearance(PDDocument document, PDSignatureField field, Appearance appearance,
            Instant signingTime) throws IOException {
        float seal = 96;
        float width = seal + 190;
        PDAnnotationWidget widget = field.getWidgets().get(0);
        widget.setRectangle(new PDRectangle(appearance.x(), appearance.y(), width, seal));
        PDFormXObject xobject = new PDFormXObject(new PDStream(document));
        xobject.setResources(new PDResources());
        xobject.setFormType(1);
        xobject.setBBox(new PDRectangle(width, seal));
        PDAppearanceStream stream = new PDAppearanceStream(xobject.getCOSObject());
        try (PDPageContentStream cs = new PDPageContentStream(document, stream)) {
            ElectronicSeal.draw(cs, 0, 0, seal, appearance.sealText(), "电子签章");
            VectorText text = VectorText.get();
            GeneralPath lines = new GeneralPath();
            float x = seal + 8;
            text.appendLine(lines, "签章人 Signer: " + shorten(appearance.signerName(), 18), 9, x, seal - 22);
            text.appendLine(lines, "时间 Time: " + SHOWN.format(signingTime), 9, x, seal - 40);
            text.appendLine(lines, "事由 Reason: " + shorten(appearance.reason(), 16), 9, x, seal - 58);
            text.appendLine(lines, "数字签名 PAdES 已签署 Digitally signed", 8, x, seal - 76);
            cs.setNonStrokingColor(Color.BLACK);
            VectorText.fill(cs, lines);
        }
        PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
        dictionary.setNormalAppearance(stream);
        widget.setAppearance(dictionary);
        widget.getCOSObject().setNeedToBeUpdated(true);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** A detached CAdES SignedData over the byte ranges, streamed, with the B-T timestamp when available. */
    static byte[] cms(InputStream content, SigningKey key, TimestampSource timestamps) throws IOException {
        try {
            X509Certificate certificate = key.certificate();
            String algorithm = switch (Certificates.algorithmOf(certificate)) {
                case RSA -> "SHA256withRSA";
                case EC_P256 -> "SHA256withECDSA";
                case SM2 -> "SM3withSM2";
            };
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(algorithm);
            if (algorithm.startsWith("SM3")) {
                signerBuilder.setProvider(Certificates.provider());
            }
            ContentSigner signer = signerBuilder.build(key.privateKey());
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            Attribute signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash))));
            DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(
                    new AttributeTable(new DERSet(signingCertificate)));
            CMSAttributeTableGenerator withoutSigningTime = parameters -> {
                @SuppressWarnings("unchecked")
                Map<Object, Object> copy = new java.util.HashMap<>(parameters);
                return defaults.getAttributes(copy).remove(CMSAttributes.signingTime);
            };
            SignerInfoGenerator infoGenerator = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(withoutSigningTime)
                    .build(signer, certificate);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(infoGenerator);
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new StreamedContent(content), false);
            if (timestamps != null) {
                signed = addSignatureTimestamp(signed, timestamps);
            }
            return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new PdfSigningException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }

    private static CMSSignedData addSignatureTimestamp(CMSSignedData signed, TimestampSource timestamps)
            throws IOException, GeneralSecurityException {
        List<SignerInformation> stamped = new ArrayList<>();
        for (SignerInformation info : signed.getSignerInfos().getSigners()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(info.getSignature());
            byte[] token = timestamps.timestamp(digest);
            Attribute attribute = new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                    new DERSet(ASN1Primitive.fromByteArray(token)));
            Hashtable<ASN1ObjectIdentifier, Attribute> table = new Hashtable<>();
            table.put(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, attribute);
            stamped.add(SignerInformation.replaceUnsignedAttributes(info, new AttributeTable(table)));
        }
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    /** Feeds the PDF's byte ranges to the digest without holding them in memory. */
    private static final class StreamedContent implements CMSTypedData {
        private final InputStream in;

        StreamedContent(InputStream in) {
            this.in = in;
        }

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return PKCSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            in.transferTo(out);
        }

        @Override
        public Object getContent() {
            return in;
        }
    }
}
