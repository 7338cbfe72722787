package org.sunbid.signing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sunbid.signing.draw.DrawPool;
import org.sunbid.signing.draw.DrawRecord;
import org.sunbid.signing.draw.DrawVerifier;
import org.sunbid.signing.draw.SignedDrawRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "draw-verify", description = "Replay an expert draw from its record and pool file: signature, timestamp, pool digest, commitment, seed, result.")
final class DrawVerifyCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Bidtool tool;

    @Option(names = "--record", required = true, paramLabel = "draw.json", description = "the signed draw record")
    Path record;

    @Option(names = "--pool", required = true, paramLabel = "pool.txt", description = "the pool file the record names by SHA-256")
    Path pool;

    @Option(names = "--trust", description = "the trading centre's published root certificate (PEM)")
    Path trust;

    @Override
    public Integer call() {
        Bidtool.requireFile(record, "record");
        Bidtool.requireFile(pool, "pool");
        SignedDrawRecord signed;
        DrawPool drawPool;
        try {
            if (Files.size(record) > DrawRecord.MAX_CHARS) {
                throw new CliFailure("record file is too large: " + record);
            }
            signed = SignedDrawRecord.parse(Files.readString(record, StandardCharsets.UTF_8));
            if (Files.size(pool) > DrawPool.MAX_BYTES) {
                throw new CliFailure("pool file is too large: " + pool);
            }
            drawPool = DrawPool.parse(Files.readAllBytes(pool));
        } catch (IOException e) {
            throw new CliFailure("cannot read " + e.getMessage());
        } catch (SignedDrawRecord.MalformedRecordException e) {
            throw new CliFailure(e.getMessage());
        } catch (DrawPool.MalformedPoolException e) {
            throw new CliFailure(3, "pool file " + pool + ": " + e.getMessage());
        }
        DrawVerifier.Report report = DrawVerifier.verify(signed, drawPool, trust == null ? List.of() : List.of(Bidtool.certificate(trust)));
        PrintWriter out = tool.spec.commandLine().getOut();
        out.println("lot: " + report.lot() + (report.sequence() == 0 ? "" : " (replacement draw " + report.sequence() + ")"));
        out.println("signed by: " + report.signer());
        out.println("timestamp: " + report.timestamp());
        out.println("pool: " + report.pool() + (drawPool.carriesQualification()
                ? ", not qualified (pool file): " + report.notQualified() : "") + ", excluded: " + report.excluded()
                + ", members: " + report.members()
                + ", reserves: " + report.reserves());
        report.notes().forEach(n -> out.println("note: " + n));
        if (report.valid()) {
            out.println("VALID: the replay draws the same experts");
            return 0;
        }
        report.problems().forEach(p -> out.println("DIFFERENT: " + p));
        out.flush();
        throw new CliFailure(3, "draw record does not replay: " + String.join("; ", report.problems()));
    }
}
