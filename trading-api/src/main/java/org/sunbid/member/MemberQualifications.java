package org.sunbid.member;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.AccountId;
import org.sunbid.member.MemberForms.QualificationInput;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.member.internal.ScanPolicy;
import org.sunbid.member.internal.Transitions;
import org.sunbid.platform.BlobStore;
import org.sunbid.platform.PlatformZone;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * A member's qualification certificates (资质证书) with their scans: checked and stored at registration or added later,
 * listed with days left before expiry.
 */
@Service
@Transactional
public class MemberQualifications {

    private final Members members;
    private final MemberHistory history;
    private final BlobStore blobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberQualifications(Members members, MemberHistory history, BlobStore blobs, ApplicationEventPublisher events,
            Clock clock) {
        this.members = members;
        this.history = history;
        this.blobs = blobs;
        this.events = events;
        this.clock = clock;
    }

    record CheckedQualification(String kind, String number, String grade, String issuer, LocalDate expiresOn,
            Upload scan, String scanType) {
    }

    List<CheckedQualification> checkQualifications(List<QualificationInput> inputs,
            Map<String, Upload> uploads) {
        List<CheckedQualification> out = new ArrayList<>();
        Map<String, Upload> unused = new HashMap<>(uploads);
        for (int i = 0; i < inputs.size(); i++) {
            String p = "qualifications[" + i + "]";
            QualificationInput q = inputs.get(i);
            Upload scan = unused.remove(p + ".scan");
            out.add(checkQualification(p, q, scan));
        }
        if (!unused.isEmpty()) {
            String field = unused.keySet().iterator().next();
            throw ProblemException.invalid(field, "member.scan.unexpected", field);
        }
        return out;
    }

    /** A qualification the edge has validated ({@code @Valid}); {@code p} names it in problems. */
    static CheckedQualification checkQualification(String p, QualificationInput q, Upload scan) {
        String grade = q.grade() == null || q.grade().isBlank() ? null : q.grade().strip();
        LocalDate expiresOn;
        try {
            expiresOn = LocalDate.parse(q.expiresOn().strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(p + ".expiresOn", "member.date.format");
        }
        if (scan == null) {
            throw ProblemException.invalid(p + ".scan", "member.scan.required", p + ".scan");
        }
        return new CheckedQualification(q.kind().strip(), q.number().strip(), grade, q.issuer().strip(), expiresOn,
                scan, ScanPolicy.check(scan));
    }

    MemberViews.Qualification storeQualification(UUID memberId, CheckedQualification q, UUID actor,
            Instant now) {
        BlobStore.Blob blob;
        try (InputStream in = q.scan().content().open()) {
            blob = blobs.put(in, ScanPolicy.MAX_BYTES);
        } catch (BlobStore.TooLargeException e) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", q.scan().field(),
                    "member.scan.too-large", q.scan().field(), ScanPolicy.MAX_BYTES / (1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UUID id = UUID.randomUUID();
        String fileName = scanName(q.scan().fileName());
        var row = new Members.QualificationRow(id, memberId, q.kind(), q.number(), q.grade(), q.issuer(),
                q.expiresOn(), blob.sha256(), q.scanType(), blob.size(), fileName, now);
        members.insertQualification(row);
        history.append(memberId, now, actor, "QUALIFICATION_ADDED", null, Map.of("qualification", id.toString(),
                "kind", q.kind(), "number", q.number(), "expiresOn", q.expiresOn().toString(), "scan", blob.sha256()));
        events.publishEvent(new MemberEvents.QualificationAdded(memberId, id, q.kind(), q.number(), q.expiresOn(),
                blob.sha256(), actor, now));
        return toView(row, today());
    }

    /** The scan's file name as shown to staff: control characters dropped, blank means none, at most 200. */
    private static String scanName(String raw) {
        String name = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", "").strip();
        if (name.codePointCount(0, name.length()) > 200) {
            throw ProblemException.invalid("scanName", "member.field.too-long", "scanName", 200);
        }
        return name.isEmpty() ? null : name;
    }

    /** The member adds a qualification certificate with its scan. */
    public MemberViews.Qualification addQualification(MemberId member, QualificationInput input, Upload scan,
            AccountId actorId) {
        UUID actor = actorId.value();
        UUID memberId = member.value();
        Member m = members.require(memberId);
        if (m.status() == MemberStatus.CANCELLED || m.status() == MemberStatus.SUSPENDED) {
            throw Transitions.illegalState(new IllegalTransitionException(m.status(), "changed"));
        }
        if (input == null) {
            throw ProblemException.invalid("qualification", "member.field.required", "qualification");
        }
        if (scan == null) {
            throw ProblemException.invalid("scan", "member.scan.required", "scan");
        }
        return storeQualification(memberId, checkQualification("qualification", input, scan), actor, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<MemberViews.Qualification> qualifications(MemberId member) {
        LocalDate today = today();
        return members.qualifications(member.value()).stream().map(r -> toView(r, today)).toList();
    }

    /** Qualifications already expired or expiring within {@code days} days, soonest first. */
    @Transactional(readOnly = true)
    public List<MemberViews.Qualification> expiringQualifications(MemberId member, int days) {
        if (days < 0 || days > 3650) {
            throw ProblemException.invalid("days", "member.days.range");
        }
        LocalDate limit = today().plusDays(days);
        return qualifications(member).stream().filter(q -> !q.expiresOn().isAfter(limit)).toList();
    }

    /** The scan of a qualification: media type and content. */
    public record Scan(String mediaType, String fileName, long size, InputStream content) {
    }

    @Transactional(readOnly = true)
    public Optional<Scan> scan(MemberId member, QualificationId qualification) {
        UUID qualificationId = qualification.value();
        return members.qualification(member.value(), qualificationId).flatMap(q -> blobs.open(q.scanSha256())
                .map(in -> new Scan(q.scanType(), q.scanName(), q.scanSize(), in)));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PlatformZone.ZONE);
    }

    private static MemberViews.Qualification toView(Members.QualificationRow r, LocalDate today) {
        return new MemberViews.Qualification(r.id(), r.kind(), r.number(), r.grade(), r.issuer(), r.expiresOn(),
                r.expiresOn().isBefore(today), ChronoUnit.DAYS.between(today, r.expiresOn()), r.scanSha256(),
                r.scanType(), r.scanSize());
    }
}
