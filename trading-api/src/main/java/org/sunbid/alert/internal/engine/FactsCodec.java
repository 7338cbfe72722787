package org.sunbid.alert.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The facts extracted from one opened package (hash, PDF metadata, text of each file) as compact bytes, so that each
 * package's text is extracted with PDFBox once and a re-run of the signals only inflates it: a version byte, then per
 * file its fields as length-prefixed UTF-8 (length -1 for null), deflated.
 */
public final class FactsCodec {

    private static final int VERSION = 1;

    private FactsCodec() {
    }

    public static byte[] encode(List<LotEvidence.FileFacts> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(
                new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 64 * 1024))) {
            out.writeByte(VERSION);
            out.writeInt(files.size());
            for (LotEvidence.FileFacts f : files) {
                for (String s : new String[] {f.name(), f.sha256(), f.author(), f.creator(), f.documentId(),
                        f.xmpInstanceId(), instant(f.created()), instant(f.modified()), f.text()}) {
                    write(out, s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The files encoded by {@link #encode}; an unknown version or damaged bytes throw {@link IllegalArgumentException}. */
    public static List<LotEvidence.FileFacts> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)))) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown facts version");
            }
            int n = in.readInt();
            if (n < 0 || n > 100_000) {
                throw new IllegalArgumentException("damaged facts");
            }
            List<LotEvidence.FileFacts> files = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                files.add(new LotEvidence.FileFacts(read(in), read(in), read(in), read(in), read(in), read(in),
                        at(read(in)), at(read(in)), read(in)));
            }
            return files;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("damaged facts", e);
        }
    }

    private static void write(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < -1 || n > 64 * 1024 * 1024) {
            throw new IOException("damaged length");
        }
        if (n == -1) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant at(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
