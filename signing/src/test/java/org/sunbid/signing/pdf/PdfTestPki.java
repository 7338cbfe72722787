package org.sunbid.signing.pdf;

import java.security.cert.X509Certificate;

import org.sunbid.signing.archive.ArchivePackage;

/** Test keys for other test packages: a root, an archive signer and a TSA. */
public final class PdfTestPki {

    private final TestPki pki;
    private final X509Certificate tsaCertificate;
    private final TimestampSource tsa;

    private PdfTestPki(TestPki pki) throws Exception {
        this.pki = pki;
        this.tsa = pki.tsa();
        this.tsaCertificate = pki.lastTsaCertificate;
    }

    public static PdfTestPki create() throws Exception {
        return new PdfTestPki(new TestPki());
    }

    public X509Certificate root() {
        return pki.root;
    }

    public ArchivePackage.Signer archiveSigner() throws Exception {
        org.sunbid.signing.keys.SigningKey key = pki.signer("CN=阳光招采 归档签名,O=Sunbid");
        return new ArchivePackage.Signer(key, tsaCertificate, tsa);
    }
}
