package org.sunbid.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.signing.DigestAlgorithm;
import org.sunbid.signing.keys.DemoCa;
import org.sunbid.signing.merkle.AppendOnlyMerkleTree;
import org.sunbid.signing.support.OpenSsl;
import org.sunbid.signing.timestamp.TimeStampAuthority;

class BidtoolTests {

    @TempDir
    Path dir;

    /** One run of the CLI, in-process. */
    record Run(int exit, String out, String err) {
        Run ok() {
            assertThat(exit).as("exit code; stderr: " + err).isZero();
            return this;
        }

        Run failsWithOneLine(String fragment) {
            assertThat(exit).as("exit code; stdout: " + out).isNotZero();
            assertThat(err.lines().count()).as("stderr lines: " + err).isEqualTo(1);
            assertThat(err).startsWith("bidtool: ").containsIgnoringCase(fragment);
            return this;
        }
    }

    private Run run(String... args) {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Bidtool.commandLine(new Bidtool(env));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    @BeforeEach
    void demoCa() throws Exception {
        Files.writeString(dir.resolve("pw"), "correct horse\n");
        DemoCa.loadOrCreate(dir.resolve("ca"), "correct horse".toCharArray());
        byte[] data = new byte[150_000];
        new Random(3).nextBytes(data);
        Files.write(dir.resolve("tender.bin"), data);
    }

    @Test
    void keygenSignAndVerifyInteroperateWithOpenssl() throws Exception {
        run("keygen", "--alg", "rsa", "--subject", "CN=Bidder One,O=Bidder One Ltd,C=CN", "--ca", p("ca/root-ca.p12"), "--out",
                p("member.p12"), "--password-file", p("pw")).ok();
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "ca/root-ca.pem", "member.pem").ok().output()).contains("member.pem: OK");

        run("sign", "--in", p("tender.bin"), "--p12", p("member.p12"), "--out", p("tender.p7s"), "--password-file", p("pw")).ok();
        run(Map.of("BIDTOOL_PASSWORD", "correct horse"), "sign", "--in", p("tender.bin"), "--p12", p("member.p12"), "--detached",
                "--out", p("tender.det.p7s")).ok();
        OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "tender.p7s", "-CAfile", "ca/root-ca.pem", "-out",
                "/dev/null").ok();
        OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "tender.det.p7s", "-content", "tender.bin",
                "-CAfile", "ca/root-ca.pem", "-out", "/dev/null").ok();

        String sha = HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(dir.resolve("tender.bin")));
        Run verified = run("verify", "--in", p("tender.det.p7s"), "--content", p("tender.bin"), "--trust", p("ca/root-ca.pem")).ok();
        assertThat(verified.out()).contains("signer: CN=Bidder One,O=Bidder One Ltd,C=CN").contains("sha256: " + sha)
                .contains("trusted: yes");
        assertThat(run("verify", "--in", p("tender.p7s")).ok().out()).contains("sha256: " + sha).contains("NOT CHECKED");
        assertThat(run("digest", "--in", p("tender.bin")).ok().out()).startsWith(sha);
        assertThat(OpenSsl.run(dir, "dgst", "-sm3", "tender.bin").ok().output())
                .contains(run("digest", "--in", p("tender.bin"), "--alg", "sm3").ok().out().split(" ")[0]);

        // Opensslsigned file verifies with bidtool as well.
        OpenSsl.run(dir, "pkcs12", "-in", "member.p12", "-passin", "file:pw", "-nodes", "-nocerts", "-out", "member.key").ok();
        OpenSsl.run(dir, "cms", "-sign", "-binary", "-in", "tender.bin", "-signer", "member.pem", "-inkey", "member.key",
                "-outform", "DER", "-out", "theirs.p7s").ok();
        assertThat(run("verify", "--in", p("theirs.p7s"), "--content", p("tender.bin"), "--trust", p("ca/root-ca.pem")).ok().out())
                .contains("sha256: " + sha);

        run("verify", "--in", p("tender.det.p7s"), "--content", p("pw"), "--trust", p("ca/root-ca.pem"))
                .failsWithOneLine("CONTENT MISMATCH");
        run("verify", "--in", p("tender.p7s"), "--trust", p("ca/tsa.pem")).failsWithOneLine("UNTRUSTED SIGNER");
    }

    @Test
    void openExportsTheContentKeyThatOpensTheSealedFileForTheSelfDecryptionCheck() throws Exception {
        run("keygen", "--alg", "ec", "--subject", "CN=A", "--out", p("a.p12"), "--password-file", p("pw")).ok();
        run("keygen", "--alg", "ec", "--subject", "CN=Opening", "--out", p("o.p12"), "--password-file", p("pw")).ok();
        run("seal", "--in", p("tender.bin"), "--recipient", p("o.pem"), "--recipient", p("a.pem"), "--out", p("t.sealed")).ok();
        run("open", "--in", p("t.sealed"), "--p12", p("a.p12"), "--out", p("a.out"), "--password-file", p("pw"),
                "--export-cek", p("a.cek")).ok();
        byte[] cek = java.util.Base64.getDecoder().decode(Files.readString(dir.resolve("a.cek")).trim());
        assertThat(cek).hasSize(32);
        assertThat(org.sunbid.signing.seal.Opener.openWithContentKey(dir.resolve("t.sealed"), cek, dir.resolve("k.out")).isOpened())
                .isTrue();
        assertThat(Files.readAllBytes(dir.resolve("k.out"))).isEqualTo(Files.readAllBytes(dir.resolve("tender.bin")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a.out")));
    }

    @Test
    void sealAndOpenWithGcmAndCbcForSeveralRecipientsAndOpensslOpensThem() throws Exception {
        run("keygen", "--alg", "ec", "--subject", "CN=A", "--ca", p("ca/root-ca.p12"), "--out", p("a.p12"), "--password-file", p("pw")).ok();
        run("keygen", "--alg", "rsa", "--subject", "CN=B", "--out", p("b.p12"), "--password-file", p("pw")).ok();
        for (String mode : new String[] { "gcm", "cbc" }) {
            String[] seal = mode.equals("gcm")
                    ? new String[] { "seal", "--in", p("tender.bin"), "--recipient", p("a.pem"), "--recipient", p("b.pem"), "--out", p("t.sealed") }
                    : new String[] { "seal", "--in", p("tender.bin"), "--recipient", p("a.pem"), "--recipient", p("b.pem"), "--cbc", "--out", p("t.sealed") };
            run(seal).ok();
            for (String who : new String[] { "a", "b" }) {
                run("open", "--in", p("t.sealed"), "--p12", p(who + ".p12"), "--out", p(who + ".out"), "--password-file", p("pw")).ok();
                assertThat(Files.readAllBytes(dir.resolve(who + ".out"))).isEqualTo(Files.readAllBytes(dir.resolve("tender.bin")));
            }
            OpenSsl.run(dir, "pkcs12", "-in", "a.p12", "-passin", "file:pw", "-nodes", "-nocerts", "-out", "a.key").ok();
            OpenSsl.run(dir, "cms", "-decrypt", "-binary", "-inform", "DER", "-in", "t.sealed", "-recip", "a.pem", "-inkey", "a.key",
                    "-out", "ossl.out").ok();
            assertThat(Files.readAllBytes(dir.resolve("ossl.out"))).isEqualTo(Files.readAllBytes(dir.resolve("tender.bin")));
        }

        run("keygen", "--alg", "sm2", "--subject", "CN=C", "--out", p("c.p12"), "--password-file", p("pw")).ok();
        run("open", "--in", p("t.sealed"), "--p12", p("c.p12"), "--out", p("c.out"), "--password-file", p("pw"))
                .failsWithOneLine("not a recipient");
        assertThat(dir.resolve("c.out")).doesNotExist();

        byte[] sealed = Files.readAllBytes(dir.resolve("t.sealed"));
        run("seal", "--in", p("tender.bin"), "--recipient", p("a.pem"), "--out", p("g.sealed")).ok();
        byte[] gcm = Files.readAllBytes(dir.resolve("g.sealed"));
        gcm[gcm.length / 2] ^= 1;
        Files.write(dir.resolve("bad.sealed"), gcm);
        run("open", "--in", p("bad.sealed"), "--p12", p("a.p12"), "--out", p("bad.out"), "--password-file", p("pw"))
                .failsWithOneLine("altered");
        assertThat(dir.resolve("bad.out")).doesNotExist();
        assertThat(sealed).isNotEmpty();
    }

    @Test
    void splitAndCombineAKeyAmongCustodiansAndNameBadShares() throws Exception {
        run("keygen", "--alg", "ec", "--subject", "CN=Opening Key", "--out", p("opening.p12"), "--password-file", p("pw")).ok();
        run("split", "--in", p("opening.p12"), "-k", "2", "-n", "3", "--recipient", p("ca/demo-custodian-1.p12").replace(".p12", ".pem"),
                "--recipient", p("c2.pem"), "--recipient", p("c3.pem"), "--out-dir", p("shares"))
                .failsWithOneLine("not found");
        for (int i = 1; i <= 3; i++) {
            OpenSsl.run(dir, "pkcs12", "-in", "ca/demo-custodian-" + i + ".p12", "-passin", "file:pw", "-nokeys", "-clcerts", "-out",
                    "c" + i + ".pem").ok();
        }
        run("split", "--in", p("opening.p12"), "-k", "2", "-n", "3", "--recipient", p("c1.pem"), "--recipient", p("c2.pem"),
                "--recipient", p("c3.pem"), "--out-dir", p("shares")).ok();
        run("combine", "--share", p("shares/share-3.sealed"), "--share", p("shares/share-1.sealed"), "--p12",
                p("ca/demo-custodian-1.p12"), "--p12", p("ca/demo-custodian-3.p12"), "--out", p("rebuilt.p12"), "--password-file", p("pw")).ok();
        assertThat(Files.readAllBytes(dir.resolve("rebuilt.p12"))).isEqualTo(Files.readAllBytes(dir.resolve("opening.p12")));

        run("combine", "--share", p("shares/share-1.sealed"), "--p12", p("ca/demo-custodian-1.p12"), "--out", p("one.p12"),
                "--password-file", p("pw")).failsWithOneLine("needed");
        run("split", "--in", p("opening.p12"), "-k", "2", "-n", "3", "--recipient", p("c1.pem"), "--recipient", p("c2.pem"),
                "--recipient", p("c3.pem"), "--out-dir", p("other")).ok();
        run("combine", "--share", p("shares/share-1.sealed"), "--share", p("other/share-2.sealed"), "--p12",
                p("ca/demo-custodian-1.p12"), "--p12", p("ca/demo-custodian-2.p12"), "--out", p("mixed.p12"), "--password-file", p("pw"))
                .failsWithOneLine("another split");
        run("combine", "--share", p("shares/share-2.sealed"), "--share", p("shares/share-1.sealed"), "--p12",
                p("ca/demo-custodian-1.p12"), "--out", p("x.p12"), "--password-file", p("pw")).failsWithOneLine("no given --p12");
        assertThat(dir.resolve("one.p12")).doesNotExist();
        assertThat(dir.resolve("mixed.p12")).doesNotExist();
        assertThat(dir.resolve("x.p12")).doesNotExist();
    }

    @Test
    void verifiesTimestampsAndMerkleProofsOffline() throws Exception {
        DemoCa ca = DemoCa.loadOrCreate(dir.resolve("ca"), "correct horse".toCharArray());
        TimeStampAuthority tsa = new TimeStampAuthority(ca.timeStampingAuthority(), Clock.systemUTC());
        OpenSsl.run(dir, "ts", "-query", "-data", "tender.bin", "-sha256", "-cert", "-out", "q.tsq").ok();
        Files.write(dir.resolve("r.tsr"), tsa.respond(Files.readAllBytes(dir.resolve("q.tsq"))));
        String sha = HexFormat.of().formatHex(DigestAlgorithm.SHA256.digest(dir.resolve("tender.bin")));

        assertThat(run("ts-verify", "--token", p("r.tsr"), "--file", p("tender.bin"), "--trust", p("ca/root-ca.pem")).ok().out())
                .contains("digest: SHA256 " + sha).contains("Sunbid Time Stamping Authority");
        run("ts-verify", "--token", p("r.tsr"), "--digest", sha, "--trust", p("ca/root-ca.pem")).ok();
        run("ts-verify", "--token", p("r.tsr"), "--digest", sha, "--trust", p("ca/tsa.pem")).ok();
        assertThat(run("ts-verify", "--token", p("r.tsr"), "--digest", sha).ok().out()).contains("NOT CHECKED");
        run("ts-verify", "--token", p("r.tsr"), "--file", p("pw"), "--trust", p("ca/root-ca.pem")).failsWithOneLine("IMPRINT_MISMATCH");
        run("ts-verify", "--token", p("tender.bin"), "--file", p("pw")).failsWithOneLine("MALFORMED");

        AppendOnlyMerkleTree tree = new AppendOnlyMerkleTree();
        for (int i = 0; i < 1000; i++) {
            tree.append(("entry " + i).getBytes());
        }
        Files.writeString(dir.resolve("inc.json"), tree.inclusionProof(417, 900).toJson());
        Files.writeString(dir.resolve("con.json"), tree.consistencyProof(300, 1000).toJson());
        assertThat(run("proof-verify", "--inclusion", p("inc.json")).ok().out()).contains("inclusion proof OK: leaf 417");
        assertThat(run("proof-verify", "--consistency", p("con.json"), "--root", tree.treeHead().rootHex()).ok().out())
                .contains("consistency proof OK");
        run("proof-verify", "--inclusion", p("inc.json"), "--root", tree.treeHead().rootHex()).failsWithOneLine("another tree");
        Files.writeString(dir.resolve("bad.json"), tree.inclusionProof(417, 900).toJson().replace("\"leafIndex\":417", "\"leafIndex\":416"));
        run("proof-verify", "--inclusion", p("bad.json")).failsWithOneLine("INVALID");
        run("proof-verify", "--consistency", p("inc.json")).failsWithOneLine("not a valid proof");
    }

    @Test
    void badInvocationsFailWithOneLineAndNoOutputFile() throws Exception {
        run("keygen", "--alg", "ec", "--subject", "CN=K", "--out", p("k.p12"), "--password-file", p("pw")).ok();
        run("sign", "--in", p("tender.bin"), "--p12", p("k.p12"), "--out", p("s.p7s")).failsWithOneLine("no password");
        Files.writeString(dir.resolve("wrong"), "wrong");
        run("sign", "--in", p("tender.bin"), "--p12", p("k.p12"), "--out", p("s.p7s"), "--password-file", p("wrong"))
                .failsWithOneLine("wrong password");
        run("sign", "--in", p("missing.bin"), "--p12", p("k.p12"), "--out", p("s.p7s"), "--password-file", p("pw"))
                .failsWithOneLine("not found");
        assertThat(dir.resolve("s.p7s")).doesNotExist();
        Files.write(dir.resolve("empty.p7s"), new byte[0]);
        run("verify", "--in", p("empty.p7s")).failsWithOneLine("MALFORMED");
        run("verify", "--in", p("tender.bin")).failsWithOneLine("MALFORMED");
        run("open", "--in", p("tender.bin"), "--p12", p("k.p12"), "--out", p("o.bin"), "--password-file", p("pw"))
                .failsWithOneLine("not a sealed file");
        assertThat(dir.resolve("o.bin")).doesNotExist();
        run("seal", "--in", p("tender.bin"), "--recipient", p("k.pem"), "--out", p("t.sealed")).ok();
        byte[] sealed = Files.readAllBytes(dir.resolve("t.sealed"));
        Files.write(dir.resolve("truncated.sealed"), java.util.Arrays.copyOf(sealed, sealed.length - 100));
        run("open", "--in", p("truncated.sealed"), "--p12", p("k.p12"), "--out", p("o.bin"), "--password-file", p("pw"))
                .failsWithOneLine("not a sealed file");
        assertThat(dir.resolve("o.bin")).doesNotExist();
        run("sign", "--in", p("tender.bin"), "--p12", p("k.p12"), "--out", p("s.p7s"), "--password-file", p("pw")).ok();
        byte[] signature = Files.readAllBytes(dir.resolve("s.p7s"));
        Files.write(dir.resolve("truncated.p7s"), java.util.Arrays.copyOf(signature, signature.length / 2));
        run("verify", "--in", p("truncated.p7s")).failsWithOneLine("MALFORMED");
        assertThat(run("frobnicate").exit()).isEqualTo(2);
        run("keygen", "--alg", "dsa", "--subject", "CN=K", "--out", p("d.p12")).failsWithOneLine("--alg");
        run("split", "--in", p("k.p12"), "-k", "1", "-n", "3", "--recipient", p("k.pem"), "--out-dir", p("s")).failsWithOneLine("k <= n");
        run("digest").failsWithOneLine("--in");
    }

    @Test
    void everyCommandPrintsItsHelpEvenWithoutItsRequiredOptions() {
        for (String command : new String[] { "package", "seal", "manifest", "pdf-verify" }) {
            Run help = run(command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).contains("Usage: bidtool " + command).doesNotContain("Missing required");
        }
        assertThat(run("package", "--help").out()).contains("--lot", "--pdf");
    }
}
