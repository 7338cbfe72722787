package org.sunbid.signing.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.internal.Chains;
import org.sunbid.signing.internal.Json;

/**
 * Checks an archive package offline: the manifest's CMS signature and RFC 3161 timestamp, both chained to the trust
 * anchor, and every document's SHA-256 against the manifest. Each tampered, missing or unexpected file is named.
 */
public final class ArchiveVerifier {

    static final int MAX_ENTRIES = 100_000;
    static final long MAX_MANIFEST = 16L * 1024 * 1024;

    private ArchiveVerifier() {
    }

    /**
     * @param problems    everything that makes the package invalid; empty means valid
     * @param badPaths    documents that are tampered with, missing or not in the manifest
     */
    public record Report(String project, String signer, Instant timestamp, int documents, List<String> problems,
            List<String> badPaths, List<String> notes) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A package that cannot be read at all (not a ZIP, no manifest); the message is one line. */
    public static final class UnreadableArchiveException extends RuntimeException {
        public UnreadableArchiveException(String message) {
            super(message);
        }
    }

    /**
     * @param trust roots to accept; when empty, the package's own {@code certs/ca.pem} is used and a note says that
     *              it must be compared with the root the trading centre publishes
     */
    public static Report verify(Path zipFile, Collection<X509Certificate> trust) {
        try (ZipFile zip = new ZipFile(zipFile.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ENTRIES) {
                throw new UnreadableArchiveException("more than " + MAX_ENTRIES + " entries");
            }
            List<String> problems = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            byte[] manifestBytes = read(zip, ArchivePackage.MANIFEST, MAX_MANIFEST);
            if (manifestBytes == null) {
                throw new UnreadableArchiveException("no manifest.json: not a Sunbid archive package");
            }
            Map<String, Object> manifest = manifest(manifestBytes);
            Collection<X509Certificate> anchors = trust;
            if (anchors.isEmpty()) {
                byte[] ca = read(zip, ArchivePackage.CA, 64 * 1024);
                anchors = ca == null ? List.of() : List.of(Certificates.parse(ca));
                notes.add("trusted the package's own certs/ca.pem: compare it with the root the trading centre publishes");
            }
            String signer = checkSignature(zip, manifestBytes, anchors, problems);
            Instant timestamp = checkTimestamp(zip, manifestBytes, anchors, problems);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> files = (List<Map<String, Object>>) manifest.get("files");
            Set<String> listed = new LinkedHashSet<>();
            for (Map<String, Object> file : files) {
                String path = String.valueOf(file.get("path"));
                listed.add(path);
                ZipEntry entry = zip.getEntry(path);
                if (entry == null) {
                    problems.add("missing document: " + path);
                    bad.add(path);
                    continue;
                }
                long size = ((Number) file.get("size")).longValue();
                String actual = hash(zip, entry, size);
                if (actual == null || !actual.equals(file.get("sha256"))) {
                    problems.add("document changed: " + path);
                    bad.add(path);
                }
            }
            zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/"))
                    .filter(n -> !listed.contains(n) && !ArchivePackage.RESERVED.contains(n))
                    .forEach(n -> {
                        problems.add("document not in the manifest: " + n);
                        bad.add(n);
                    });
            return new Report(String.valueOf(manifest.get("project")), signer, timestamp, files.size(),
                    List.copyOf(problems), List.copyOf(bad), List.copyOf(notes));
        } catch (ZipException e) {
            throw new UnreadableArchiveException("not a ZIP file");
        } catch (IOException e) {
            throw new UnreadableArchiveException("cannot read the package: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest(byte[] bytes) {
        try {
            Object parsed = Json.read(new String(bytes, StandardCharsets.UTF_8));
            if (!(parsed instanceof Map<?, ?> map) || !(map.get("files") instanceof List<?> files)) {
                throw new UnreadableArchiveException("manifest.json has no file list");
            }
            for (Object f : files) {
                if (!(f instanceof Map<?, ?> file) || !(file.get("path") instanceof String)
                        || !(file.get("sha256") instanceof String) || !(file.get("size") instanceof Number)) {
                    throw new UnreadableArchiveException("manifest.json has a malformed file entry");
                }
            }
            return new LinkedHashMap<>((Map<String, Object>) map);
        } catch (Json.JsonException e) {
            throw new UnreadableArchiveException("manifest.json is not valid JSON: " + e.getMessage());
        }
    }

    private static String checkSignature(ZipFile zip, byte[] manifest, Collection<X509Certificate> anchors,
            List<String> problems) throws IOException {
        byte[] p7s = read(zip, ArchivePackage.SIGNATURE, 1024 * 1024);
        if (p7s == null) {
            problems.add("manifest signature missing");
            return null;
        }
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), p7s);
            SignerInformation info = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(info.getSID());
            if (matches.isEmpty()) {
                problems.add("manifest signature does not include its certificate");
                return null;
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(Certificates.provider());
            X509Certificate certificate = converter.getCertificate(matches.iterator().next());
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.provider()).build(certificate))) {
                problems.add("manifest signature does not verify: manifest.json changed");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = signed.getCertificates().getMatches(null);
            List<X509Certificate> chain = new ArrayList<>();
            for (X509CertificateHolder h : all) {
                chain.add(converter.getCertificate(h));
            }
            if (!chains(certificate, chain, anchors, Instant.now())) {
                problems.add("manifest signer does not chain to the trusted root");
            }
            return certificate.getSubjectX500Principal().getName();
        } catch (Exception e) {
            problems.add("manifest signature does not verify: manifest.json changed or signature malformed");
            return null;
        }
    }

    private static Instant checkTimestamp(ZipFile zip, byte[] manifest, Collection<X509Certificate> anchors,
            List<String> problems) throws IOException {
        byte[] tsr = read(zip, ArchivePackage.TIMESTAMP, 1024 * 1024);
        if (tsr == null) {
            problems.add("manifest timestamp missing");
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(tsr));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(token.getSID());
            X509Certificate tsaCertificate = null;
            if (!tsa.isEmpty()) {
                tsaCertificate = new JcaX509CertificateConverter().setProvider(Certificates.provider())
                        .getCertificate(tsa.iterator().next());
            } else {
                byte[] pem = read(zip, ArchivePackage.TSA, 64 * 1024);
                tsaCertificate = pem == null ? null : Certificates.parse(pem);
            }
            if (tsaCertificate == null) {
                problems.add("timestamp authority certificate missing");
                return null;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Certificates.provider()).build(tsaCertificate));
            byte[] expected = MessageDigest.getInstance(token.getTimeStampInfo().getMessageImprintAlgOID().getId(),
                    Certificates.provider()).digest(manifest);
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                problems.add("timestamp is over another manifest: manifest.json changed");
                return null;
            }
            Instant time = token.getTimeStampInfo().getGenTime().toInstant();
            if (!chains(tsaCertificate, List.of(), anchors, time)) {
                problems.add("timestamp authority does not chain to the trusted root");
            }
            return time;
        } catch (Exception e) {
            problems.add("timestamp does not verify: " + e.getClass().getSimpleName());
            return null;
        }
    }

    static boolean chains(X509Certificate certificate, List<X509Certificate> intermediates,
            Collection<X509Certificate> anchors, Instant at) {
        return !anchors.isEmpty() && Chains.validate(certificate, intermediates, anchors, at).isEmpty();
    }

    private static byte[] read(ZipFile zip, String name, long max) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > max) {
                throw new UnreadableArchiveException(name + " larger than " + max + " bytes");
            }
            return bytes;
        }
    }

    /** Hashes an entry, reading at most one byte more than the manifest says (a zip bomb stops there). */
    private static String hash(ZipFile zip, ZipEntry entry, long expectedSize) throws IOException {
        MessageDigest digest = ArchivePackage.sha256();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > expectedSize) {
                    return null;
                }
                digest.update(buffer, 0, n);
            }
        }
        return total == expectedSize ? HexFormat.of().formatHex(digest.digest()) : null;
    }
}
