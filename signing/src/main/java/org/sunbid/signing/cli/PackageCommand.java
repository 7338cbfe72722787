package org.sunbid.signing.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sunbid.signing.tender.BidForm;
import org.sunbid.signing.tender.MachineFingerprint;
import org.sunbid.signing.tender.TenderPackage;
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
        try {
            TenderPackage.write(new BidForm(lot, price, duration, quality, manager, depositRef, MachineFingerprint.collect()),
                    pdfs, out);
        } catch (TenderPackage.NotAPdfException e) {
            throw new CliFailure(e.getMessage());
        }
        tool.spec.commandLine().getOut().println("package " + out + ": bid form + " + pdfs.size() + " PDF(s)");
        return 0;
    }
}
