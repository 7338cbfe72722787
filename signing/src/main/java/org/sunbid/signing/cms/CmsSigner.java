package org.sunbid.signing.cms;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.keys.SigningKey;

/**
 * Makes CMS SignedData, attached or detached, streaming in constant memory. The signer's certificate chain is
 * included; signed attributes carry content type, message digest, signing time and CMS algorithm protection.
 */
public final class CmsSigner {

    private static final int BUFFER = 64 * 1024;

    private final SigningKey key;
    private final SignatureScheme scheme;
    private final Clock clock;

    public CmsSigner(SigningKey key) {
        this(key, SignatureScheme.defaultFor(key.algorithm()), Clock.systemUTC());
    }

    public CmsSigner(SigningKey key, SignatureScheme scheme, Clock clock) {
        if (scheme.keyAlgorithm() != key.algorithm()) {
            throw new IllegalArgumentException(scheme + " cannot be used with a " + key.algorithm() + " key");
        }
        this.key = key;
        this.scheme = scheme;
        this.clock = clock;
    }

    /** Streams {@code content} into a DER/BER SignedData written to {@code out}; {@code out} is not closed. */
    public void sign(InputStream content, OutputStream out, boolean detached) throws IOException {
        CMSSignedDataStreamGenerator generator = new CMSSignedDataStreamGenerator();
        try {
            generator.addSignerInfoGenerator(signerInfoGenerator());
            generator.addCertificates(new JcaCertStore(key.chain()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set up the " + scheme + " signer: " + e.getMessage(), e);
        }
        OutputStream sigOut = generator.open(out, !detached);
        byte[] buffer = new byte[BUFFER];
        int n;
        while ((n = content.read(buffer)) > 0) {
            sigOut.write(buffer, 0, n);
        }
        sigOut.close();
    }

    /** Signs a file into {@code signature}, written to a temporary file first and moved into place when complete. */
    public void sign(Path content, Path signature, boolean detached) throws IOException {
        try (InputStream in = Files.newInputStream(content)) {
            Files2.writeAtomically(signature, out -> sign(in, out, detached));
        }
    }

    public byte[] sign(byte[] content, boolean detached) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            sign(new ByteArrayInputStream(content), out, detached);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private SignerInfoGenerator signerInfoGenerator() throws Exception {
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(scheme.jcaName());
        if (scheme != SignatureScheme.RSA_PKCS1_SHA256) {
            builder.setProvider(Certificates.provider());
        }
        ContentSigner signer = builder.build(key.privateKey());
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(clock.instant())))));
        return new JcaSignerInfoGeneratorBuilder(org.sunbid.signing.internal.Digests.provider())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                .build(signer, key.certificate());
    }

}
