package org.sunbid.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sunbid.platform.id.MemberId;
import org.sunbid.platform.id.ProjectId;

/**
 * A complaint as the regulator, the complainant and the tenderee see it: names, the statutory days, and the next due
 * day with its overdue flag.
 */
public record ComplaintView(UUID id, ProjectId project, String projectName, String transactionCode, UUID objection,
        MemberId complainant, String complainantName, String text, String signatureSha256, LocalDate knownOn,
        Instant filedAt, LocalDate filingDeadline, Complaint.State state, LocalDate acceptedOn, boolean procedureSuspended,
        List<ComplaintDeadlines.Pause> pauses, boolean paused, LocalDate due, boolean overdue, Complaint.Verdict verdict,
        String outcome, LocalDate closedOn, UUID decisionDocument) {
}
