package org.sunbid.deposit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.sunbid.deposit.StatementFormat;
import org.sunbid.platform.PlatformProperties;

/**
 * The default statement source: files the bank (or an SFTP job) drops in {@code <data-dir>/bank/inbox}: {@code *.xml}
 * is camt.053, {@code *.csv} the CSV layout. Imported files move to {@code inbox/done}, refused ones to
 * {@code inbox/rejected} beside a {@code .reason.txt}.
 */
@Component
class FolderStatementSource implements BankStatementSource {

    private final Path inbox;

    FolderStatementSource(PlatformProperties platform, DepositProperties properties) {
        this.inbox = platform.dataDir().resolve(properties.inbox());
    }

    @Override
    public List<Pending> pending() {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).sorted().<Pending>map(FileStatement::new)
                    .filter(p -> p.format() != null).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class FileStatement implements Pending {
        private final Path file;

        FileStatement(Path file) {
            this.file = file;
        }

        @Override
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public StatementFormat format() {
            String n = name().toLowerCase(Locale.ROOT);
            return n.endsWith(".xml") ? StatementFormat.CAMT053 : n.endsWith(".csv") ? StatementFormat.CSV : null;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void done() {
            move("done");
        }

        @Override
        public void rejected(String reason) {
            Path target = move("rejected");
            try {
                Files.writeString(target.resolveSibling(target.getFileName() + ".reason.txt"), reason,
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Path move(String folder) {
            try {
                Path dir = Files.createDirectories(inbox.resolve(folder));
                return Files.move(file, dir.resolve(name()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
