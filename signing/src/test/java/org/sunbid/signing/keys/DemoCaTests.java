package org.sunbid.signing.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.certs.Certificates.KeyAlgorithm;
import org.sunbid.signing.internal.Chains;
import org.sunbid.signing.support.OpenSsl;

class DemoCaTests {

    @TempDir
    Path dir;

    private static final char[] PW = "pw-123456".toCharArray();

    @Test
    void createsRootSignerTsaMemberAndCustodiansOnceAndLoadsThemAgain() throws Exception {
        DemoCa first = DemoCa.loadOrCreate(dir, PW);
        DemoCa second = DemoCa.loadOrCreate(dir, PW);

        assertThat(second.root().certificate()).isEqualTo(first.root().certificate());
        assertThat(second.timeStampingAuthority().certificate()).isEqualTo(first.timeStampingAuthority().certificate());
        assertThat(Files.exists(dir.resolve(DemoCa.MEMBER))).isTrue();
        for (int i = 1; i <= DemoCa.CUSTODIANS; i++) {
            SigningKey custodian = first.custodian(i, PW);
            assertThat(Chains.issuedBy(custodian.certificate(), first.root().certificate())).isTrue();
        }
        X509Certificate tsa = first.timeStampingAuthority().certificate();
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(first.root().certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(first.documentSigner().certificate().getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void writesPkcs12FilesThatOpensslOpensAndChainsThatOpensslAccepts() throws Exception {
        DemoCa.loadOrCreate(dir, PW);
        Files.writeString(dir.resolve("pw.txt"), new String(PW));
        OpenSsl.run(dir, "pkcs12", "-in", DemoCa.MEMBER, "-passin", "file:pw.txt", "-nokeys", "-clcerts", "-out", "member.pem").ok();
        OpenSsl.run(dir, "pkcs12", "-in", DemoCa.TSA, "-passin", "file:pw.txt", "-nocerts", "-nodes", "-out", "tsa-key.pem").ok();
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root-ca.pem", "member.pem").ok().output()).contains("OK");
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root-ca.pem", "-purpose", "timestampsign", "tsa.pem").ok().output())
                .contains("OK");
    }

    @Test
    void issuesRsaEcAndSm2MemberKeysThatRoundTripThroughPkcs12() {
        DemoCa ca = DemoCa.loadOrCreate(dir, PW);
        for (KeyAlgorithm alg : KeyAlgorithm.values()) {
            SigningKey member = ca.issueMember("CN=Member " + alg + ",O=Test", alg);
            Path file = dir.resolve(alg + ".p12");
            Pkcs12.write(file, member, "key", PW);
            SigningKey loaded = Pkcs12.read(file, PW);
            assertThat(loaded.certificate()).isEqualTo(member.certificate());
            assertThat(loaded.privateKey().getEncoded()).isEqualTo(member.privateKey().getEncoded());
            assertThat(Certificates.algorithmOf(loaded.certificate())).isEqualTo(alg);
            assertThat(loaded.chain()).hasSize(2);
        }
    }

    @Test
    void namesAWrongPasswordAnEmptyFileAndGarbage() throws Exception {
        DemoCa.loadOrCreate(dir, PW);
        assertThatThrownBy(() -> Pkcs12.read(dir.resolve(DemoCa.MEMBER), "wrong".toCharArray()))
                .isInstanceOfSatisfying(KeyFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyFileException.Reason.WRONG_PASSWORD));
        Path empty = Files.write(dir.resolve("empty.p12"), new byte[0]);
        assertThatThrownBy(() -> Pkcs12.read(empty, PW)).isInstanceOfSatisfying(KeyFileException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyFileException.Reason.MALFORMED));
        Path junk = Files.write(dir.resolve("junk.p12"), "not a key".getBytes());
        assertThatThrownBy(() -> Pkcs12.read(junk, PW)).isInstanceOfSatisfying(KeyFileException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyFileException.Reason.MALFORMED));
        assertThatThrownBy(() -> Pkcs12.read(dir.resolve("missing.p12"), PW)).isInstanceOfSatisfying(KeyFileException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyFileException.Reason.NOT_FOUND));
        assertThat(List.of(KeyFileException.Reason.values())).isNotEmpty();
    }
}
