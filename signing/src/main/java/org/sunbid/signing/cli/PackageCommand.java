package org.sunbid.signing.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.sunbid.signing.internal.Files2;
import org.sunbid.signing.internal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Builds a tender package: a ZIP of the bid form ({@code bid-form.json}, published at {@code /schemas/bid-form.schema.json}) and the
 * tender PDFs. Sign it with {@code bidtool sign}, seal it with {@code bidtool seal} to the lot's opening certificate and
 * your own, then upload it.
 */
@Command(name = "package", description = "Build a tender package (bid form + PDFs) ready to sign and seal.")
final class PackageCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--lot", required = true, description = "the lot id")
    String lot;

    @Option(names = "--price", required = true, description = "bid price in CNY, e.g. 9876543.21")
    BigDecimal price;

    @Option(names = "--duration", required = true, description = "e.g. \"300 日历天\"")
    String duration;

    @Option(names = "--quality", defaultValue = "合格", description = "quality commitment")
    String quality;

    @Option(names = "--manager", required = true, description = "project manager's name")
    String manager;

    @Option(names = "--deposit-ref", description = "deposit payment or guarantee reference")
    String depositRef;

    @Option(names = "--pdf", required = true, description = "a tender PDF (repeatable)")
    List<Path> pdfs;

    @Option(names = "--out", required = true)
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!lot.matches("[0-9a-fA-F-]{36}")) {
            throw new CliFailure(2, "--lot is not a lot id");
        }
        if (price.signum() <= 0 || price.scale() > 2) {
            throw new CliFailure(2, "--price must be positive with at most 2 decimals");
        }
        for (Path pdf : pdfs) {
            Bidtool.requireFile(pdf, "PDF");
            byte[] head = new byte[5];
            try (var in = Files.newInputStream(pdf)) {
                if (in.readNBytes(head, 0, 5) != 5 || !new String(head, StandardCharsets.US_ASCII).equals("%PDF-")) {
                    throw new CliFailure("not a PDF: " + pdf);
                }
            }
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("format", "sunbid-bid-form/1");
        form.put("lot", lot.toLowerCase());
        form.put("price", price.setScale(2).toPlainString());
        form.put("currency", "CNY");
        form.put("duration", duration);
        form.put("quality", quality);
        form.put("projectManager", manager);
        if (depositRef != null) {
            form.put("depositReference", depositRef);
        }
        form.put("fingerprint", fingerprint());
        List<String> names = new ArrayList<>();
        for (Path pdf : pdfs) {
            names.add(pdf.getFileName().toString());
        }
        form.put("documents", names);
        byte[] formBytes = Json.write(form).getBytes(StandardCharsets.UTF_8);
        Files2.writeAtomically(out, target -> {
            ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
            zip.putNextEntry(new ZipEntry("bid-form.json"));
            zip.write(formBytes);
            zip.closeEntry();
            for (Path pdf : pdfs) {
                zip.putNextEntry(new ZipEntry("documents/" + pdf.getFileName()));
                Files.copy(pdf, zip);
                zip.closeEntry();
            }
            zip.finish();
        });
        tool.spec.commandLine().getOut().println("package " + out + ": bid form + " + pdfs.size() + " PDF(s)");
        return 0;
    }

    /** Where the file was prepared: MAC addresses, CPU model and disk serials, as the supervision alerts compare them. */
    static Map<String, Object> fingerprint() {
        Map<String, Object> f = new LinkedHashMap<>();
        List<String> macs = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                byte[] mac = ni.getHardwareAddress();
                if (mac != null && mac.length == 6 && !ni.isLoopback()) {
                    macs.add(HexFormat.ofDelimiter(":").formatHex(mac));
                }
            }
        } catch (IOException e) {
            // no network information available
        }
        f.put("mac", macs);
        f.put("cpu", firstLine(Path.of("/proc/cpuinfo"), "model name"));
        List<String> disks = new ArrayList<>();
        try (var entries = Files.list(Path.of("/sys/block"))) {
            for (Path block : entries.toList()) {
                Path serial = block.resolve("device").resolve("serial");
                if (Files.isReadable(serial)) {
                    disks.add(Files.readString(serial).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        f.put("disk", disks);
        f.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return f;
    }

    private static String firstLine(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
