package org.sunbid.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.sunbid.identity.AccountId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.signing.DigestAlgorithm;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.archive.internal.ArchivePackages;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.PlatformTrust;
import org.sunbid.platform.ProblemException;
import org.sunbid.scheduler.JobScheduler;
import org.sunbid.signing.archive.ArchiveEntry;
import org.sunbid.signing.archive.ArchivePackage;
import org.sunbid.signing.pdf.TimestampSource;

/**
 * Builds and keeps archive packages: collects a project's records from every {@link ArchiveSources}, writes the signed,
 * timestamped ZIP durably (fsync, then atomic move), and catalogues it. There is no update or delete; reading is logged.
 */
@Service
@Transactional
public class ArchiveManagement {

    /** Retention in years by project type; government procurement files are kept at least 15 years. */
    static final Map<String, Integer> RETENTION_YEARS = Map.of("GOVERNMENT_PROCUREMENT", 15, "CONSTRUCTION", 15,
            "LAND_USE_RIGHTS", 30, "MINING_RIGHTS", 30, "STATE_PROPERTY", 15);
    static final int DEFAULT_RETENTION_YEARS = 15;

    private final ArchivePackages packages;
    private final List<ArchiveSources> sources;
    private final PlatformTrust trust;
    private final PlatformProperties properties;
    private final ApplicationEventPublisher events;
    private final JobScheduler scheduler;
    private final Clock clock;

    /** Job kind that builds a project's package once its completion or failure has committed ({@link #buildLater}). */
    public static final String BUILD_JOB = "archive-build";

    ArchiveManagement(ArchivePackages packages, List<ArchiveSources> sources, PlatformTrust trust,
            PlatformProperties properties, ApplicationEventPublisher events, JobScheduler scheduler, Clock clock) {
        this.packages = packages;
        this.sources = sources;
        this.trust = trust;
        this.properties = properties;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Whether every feature agrees the project may be archived now (all its lots opened or failed). */
    public boolean archivable(ProjectId project) {
        return sources.stream().map(s -> s.notArchivableYet(project)).flatMap(Optional::stream).findFirst().isEmpty();
    }

    public ArchivePackageInfo build(ProjectId project, ArchiveReason reason, AccountId account) {
        UUID projectId = project.value();
        UUID by = AccountId.uuidOrNull(account);
        ArchiveSubject subject = sources.stream().map(s -> s.describe(project)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> ProblemException.rule("unknown-project", "projectId", "archive.project.unknown", projectId));
        Optional<String> notYet = sources.stream().map(s -> s.notArchivableYet(project)).flatMap(Optional::stream)
                .findFirst();
        if (notYet.isPresent()) {
            throw ProblemException.rule(notYet.get(), "projectId", "archive." + notYet.get(), subject.projectCode());
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        for (ArchiveSources source : sources) {
            entries.addAll(source.entriesFor(project));
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String relative = "archives/" + now.atZone(ZoneOffset.UTC).getYear() + "/" + id + ".zip";
        Path target = properties.dataDir().resolve(relative);
        ArchivePackage.Written written;
        String zipHash;
        long size;
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".archive-", ".tmp");
            MessageDigest digest = sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), digest)) {
                ArchivePackage.Signer signer = new ArchivePackage.Signer(trust.documentSigner(),
                        trust.timestamps().key().certificate(), TimestampSource.of(trust.timestamps()));
                written = ArchivePackage.write(subject.projectCode(), subject.title(), entries, now, signer, out);
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            zipHash = HexFormat.of().formatHex(digest.digest());
            size = Files.size(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write archive package", e);
        }
        int years = RETENTION_YEARS.getOrDefault(subject.projectType(), DEFAULT_RETENTION_YEARS);
        Instant completed = subject.completedAt() != null ? subject.completedAt() : now;
        ArchivePackageInfo info = new ArchivePackageInfo(id, projectId, subject.projectCode(), subject.title(),
                subject.projectType(), subject.tenderee(), reason, completed, now,
                completed.atZone(ZoneOffset.UTC).plus(Period.ofYears(years)).toInstant(), entries.size(), size, zipHash,
                written.manifestSha256());
        packages.insert(info, by, relative);
        events.publishEvent(new ArchiveEvents.ArchivePackageCreated(id, projectId, reason, zipHash, by, now));
        return info;
    }

    /**
     * Builds the project's package as the clustered {@link #BUILD_JOB} job, scheduled in the caller's transaction (the
     * completion or failure that calls for it): the package is built once that commits, on whichever node the scheduler
     * hands it to, and a node dying first leaves the job to another. A failed lot's project is built only if it is
     * archivable then (its other lots opened or failed). Due now by the machine's clock at the latest: Quartz fires by
     * it, and a platform clock set ahead (tests, accelerated test projects) must not push the job into its future.
     */
    public void buildLater(ProjectId project, ArchiveReason reason) {
        Instant now = clock.instant();
        Instant wall = Instant.now();
        scheduler.schedule(BUILD_JOB, project.value() + "/" + reason.name(), now.isAfter(wall) ? wall : now);
    }

    /** The {@link #BUILD_JOB} job's work: {@code subject} is the project and the reason. */
    public void buildScheduled(String subject) {
        int slash = subject.indexOf('/');
        ProjectId project = ProjectId.of(UUID.fromString(subject.substring(0, slash)));
        ArchiveReason reason = ArchiveReason.valueOf(subject.substring(slash + 1));
        if (reason != ArchiveReason.FAILED || archivable(project)) {
            build(project, reason, null);
        }
    }

    /** The package file for {@code reader}; the read is recorded first. */
    public Path open(ArchivePackageId archive, CurrentUser reader) {
        UUID packageId = archive.value();
        ArchivePackageInfo info = packages.find(packageId).orElseThrow(() -> ProblemException.notFound("archive", packageId));
        Instant now = clock.instant();
        packages.recordRead(packageId, reader.accountId(), reader.role().name(), now);
        events.publishEvent(new ArchiveEvents.ArchivePackageRead(packageId, info.projectId(), reader.accountId(), now));
        return properties.dataDir().resolve(packages.file(packageId).orElseThrow());
    }

    @Transactional(readOnly = true)
    public Optional<ArchivePackageInfo> find(ArchivePackageId archive) {
        return packages.find(archive.value());
    }

    @Transactional(readOnly = true)
    public List<ArchivePackageInfo> search(String projectCode, String tenderee, String projectType, Instant from,
            Instant to, int page, int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalid("to", "archive.search.range");
        }
        if (page < 0 || page > 10_000) {
            throw ProblemException.invalid("page", "archive.search.page");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "archive.search.size");
        }
        return packages.search(blankToNull(projectCode), blankToNull(tenderee), blankToNull(projectType), from, to, size,
                page * size);
    }

    @Transactional(readOnly = true)
    public int reads(ArchivePackageId archive) {
        return packages.reads(archive.value());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static MessageDigest sha256() {
        return DigestAlgorithm.SHA256.newDigest();
    }
}
