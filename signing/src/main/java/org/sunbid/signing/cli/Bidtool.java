package org.sunbid.signing.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.sunbid.signing.certs.Certificates;
import org.sunbid.signing.keys.KeyFileException;
import org.sunbid.signing.keys.Pkcs12;
import org.sunbid.signing.keys.SigningKey;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bidtool}: the bidder's and the auditor's command line for Sunbid files. Exit 0 on success; on failure a
 * non-zero exit and one line on stderr, and never a partial output file.
 */
@Command(name = "bidtool", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        version = "bidtool 0.1.0",
        description = "Sign, seal, open, verify and split keys for Sunbid e-bidding files.",
        subcommands = { KeygenCommand.class, SignCommand.class, SealCommand.class, OpenCommand.class, VerifyCommand.class,
                DigestCommand.class, SplitCommand.class, CombineCommand.class, TsVerifyCommand.class, ProofVerifyCommand.class,
                PdfSignCommand.class, PdfVerifyCommand.class, ArchiveVerifyCommand.class, PackageCommand.class,
                ManifestCommand.class, DrawVerifyCommand.class, ReleaseCommand.class })
public final class Bidtool implements Runnable {

    static final String PASSWORD_ENV = "BIDTOOL_PASSWORD";
    private static final long MAX_SMALL_FILE = 1024 * 1024;

    private final Map<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public Bidtool() {
        this(System.getenv());
    }

    /** For tests: an explicit environment instead of the process's. */
    public Bidtool(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try --help)");
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Bidtool()).execute(args));
    }

    /** A configured command line whose failures print one line on stderr. */
    public static CommandLine commandLine(Bidtool tool) {
        CommandLine cli = new CommandLine(tool);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CliFailure f) {
                err.println("bidtool: " + f.getMessage());
                err.flush();
                return f.exitCode;
            }
            if (e instanceof KeyFileException k) {
                err.println("bidtool: " + k.getMessage());
                err.flush();
                return 1;
            }
            if (e instanceof NoSuchFileException n) {
                err.println("bidtool: file not found: " + n.getFile());
                err.flush();
                return 1;
            }
            if (e instanceof IOException io) {
                err.println("bidtool: I/O error: " + io.getMessage());
                err.flush();
                return 1;
            }
            err.println("bidtool: failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.flush();
            return 1;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("bidtool: " + e.getMessage().lines().findFirst().orElse("bad arguments") + " (try --help)");
            err.flush();
            return 2;
        });
        return cli;
    }

    // ------------------------------------------------------------------ helpers shared by the commands

    char[] password(Path passwordFile) {
        if (passwordFile != null) {
            try {
                if (Files.size(passwordFile) > 4096) {
                    throw new CliFailure("password file is too large: " + passwordFile);
                }
                String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
                int end = text.length();
                while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                    end--;
                }
                return text.substring(0, end).toCharArray();
            } catch (NoSuchFileException e) {
                throw new CliFailure("password file not found: " + passwordFile);
            } catch (IOException e) {
                throw new CliFailure("cannot read password file " + passwordFile + ": " + e.getMessage());
            }
        }
        String env = environment.get(PASSWORD_ENV);
        if (env == null || env.isEmpty()) {
            throw new CliFailure(2, "no password: use --password-file FILE or set " + PASSWORD_ENV);
        }
        return env.toCharArray();
    }

    SigningKey key(Path p12, Path passwordFile) {
        return Pkcs12.read(p12, password(passwordFile));
    }

    static java.security.cert.X509Certificate certificate(Path file) {
        byte[] bytes = readSmall(file, "certificate");
        try {
            return Certificates.parse(bytes);
        } catch (Certificates.InvalidCertificateException e) {
            throw new CliFailure("not a usable certificate: " + file + " (" + e.getMessage() + ")");
        }
    }

    static byte[] readSmall(Path file, String what) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new CliFailure(what + " file not found: " + file);
            }
            if (Files.size(file) > MAX_SMALL_FILE) {
                throw new CliFailure(what + " file is too large: " + file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + what + " file " + file + ": " + e.getMessage());
        }
    }

    static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(what + " not found: " + file);
        }
    }
}
