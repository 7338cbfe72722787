package org.sunbid.signing.tender;

import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a tender was prepared: MAC addresses, CPU model and disk serials, as the supervision alerts compare them. */
public final class MachineFingerprint {

    private MachineFingerprint() {
    }

    /** This machine's fingerprint ({@code mac}, {@code cpu}, {@code disk}, {@code os}); empty parts where unreadable. */
    public static Map<String, Object> collect() {
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
