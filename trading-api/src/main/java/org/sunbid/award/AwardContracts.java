package org.sunbid.award;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.award.internal.AwardNotices;
import org.sunbid.award.internal.AwardStore;
import org.sunbid.identity.CurrentUser;
import org.sunbid.platform.BlobStore;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.LotId;
import org.sunbid.platform.id.ProjectId;
import org.sunbid.project.ProjectManagement;
import org.sunbid.project.ProjectView;

/**
 * The contract and completion: the tenderee uploads the signed contract (a PDF) once; the written report to the
 * regulator is generated and signed; when every evaluated lot of the project has its contract the project is complete
 * ({@link AwardEvents.ProjectCompleted}) and the archive package is built after the commit.
 */
@Service
@Transactional
public class AwardContracts {

    static final long MAX_CONTRACT = 64L * 1024 * 1024;

    private final AwardManagement awards;
    private final AwardStore store;
    private final AwardNotices notices;
    private final BlobStore blobs;
    private final ProjectManagement projects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AwardContracts(AwardManagement awards, AwardStore store, AwardNotices notices, BlobStore blobs,
            ProjectManagement projects, ApplicationEventPublisher events, Clock clock) {
        this.awards = awards;
        this.store = store;
        this.notices = notices;
        this.blobs = blobs;
        this.projects = projects;
        this.events = events;
        this.clock = clock;
    }

    public AwardView upload(CurrentUser user, LotId lot, String fileName, InputStream pdf) {
        UUID lotId = lot.value();
        AwardStore.AwardRow row = awards.lockOwned(user, lotId);
        Award award = AwardManagement.requirePublicised(row);
        if (award.contract().isPresent()) {
            throw ProblemException.rule("project-complete", "file", "award.refused",
                    "the contract is in and the project is complete");
        }
        if (award.decision().isEmpty()) {
            throw ProblemException.rule("award-not-decided", "file", "award.refused",
                    "a contract follows the award decision");
        }
        BlobStore.Blob blob;
        try {
            blob = blobs.put(pdf, MAX_CONTRACT);
        } catch (BlobStore.TooLargeException e) {
            throw ProblemException.invalid("file", "award.invalid", "the contract is larger than 64 MiB");
        }
        if (!isPdf(blob)) {
            throw ProblemException.invalid("file", "award.invalid", "the contract must be a PDF");
        }
        Instant now = clock.instant();
        String name = fileName == null || fileName.isBlank() ? "contract.pdf" : fileName;
        Award.Contract contract = award.contract(blob.sha256(), name, now);
        store.save(award, now);
        store.markCompleted(row.lot(), now);
        store.insertEvidence(row.lot(), new AwardStore.Evidence(UUID.randomUUID(), "CONTRACT",
                user.memberId().orElse(null), name, null, blob.sha256(), now));
        ProjectView project = projects.find(AwardManagement.PLATFORM, ProjectId.of(row.project()));
        notices.writtenReport(project, row.lot(), award, blob.sha256());
        notices.contract(project, row.lot(), award);
        events.publishEvent(new AwardEvents.ContractSigned(row.project(), lotId, award.winner().bidder().value(),
                blob.sha256(), contract.late(), now));
        events.publishEvent(new AwardEvents.WrittenReportFiled(row.project(), lotId, blob.sha256(), now));
        List<AwardStore.AwardRow> lots = store.ofProject(row.project());
        if (lots.stream().allMatch(l -> l.completedAt() != null)) {
            events.publishEvent(new AwardEvents.ProjectCompleted(row.project(), now));
        }
        return awards.view(store.find(row.lot()).orElseThrow());
    }

    private boolean isPdf(BlobStore.Blob blob) {
        try (InputStream in = blobs.open(blob.sha256()).orElseThrow()) {
            byte[] head = in.readNBytes(5);
            return new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
