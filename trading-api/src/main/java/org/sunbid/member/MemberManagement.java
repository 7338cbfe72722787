package org.sunbid.member;

import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.Role;
import org.sunbid.member.internal.MemberHistory;
import org.sunbid.member.internal.Members;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.id.MemberId;

/**
 * The member registry read by other features and staff: whether a member is approved, its details, related
 * members, the expert pool, the agency directory, staff search and history. The registry's acts are use-case services
 * beside it: {@link MemberRegistration}, {@link MemberReview}, {@link MemberProfiles}, {@link MemberQualifications},
 * {@link CertificateBinding}.
 */
@Service
@Transactional(readOnly = true)
public class MemberManagement {

    /** Dates of expiry are read in the centre's time zone. */
    public static final ZoneId ZONE = org.sunbid.platform.PlatformZone.ZONE;

    private final Members members;
    private final MemberHistory history;

    MemberManagement(Members members, MemberHistory history) {
        this.members = members;
        this.history = history;
    }

    /** Refuses (403, type member-not-approved) unless the member exists and is approved: call before any act. */
    @Transactional(readOnly = true)
    public void requireApproved(MemberId member) {
        UUID memberId = member.value();
        MemberStatus status = members.status(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        if (status != MemberStatus.APPROVED) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "member-not-approved", null, "member.not-approved",
                    Map.of("status", status.name()),
                    new DefaultMessageSourceResolvable(new String[] { "member.status." + status.name() }, status.name()));
        }
    }

    /** An expert who may be drawn: approved, eight or more years in the field, a senior title. */
    public record PoolExpert(UUID id, String name, String employerUscc, List<String> specialties, ExpertTitle title,
            int yearsInField) {
    }

    /**
     * The expert pool (for the expert draw): approved experts eligible under the Bidding Law, optionally only those
     * with a specialty code starting with {@code specialtyPrefix}. The employer code lets the draw apply avoidance.
     */
    @Transactional(readOnly = true)
    public List<PoolExpert> poolExperts(String specialtyPrefix) {
        String prefix = specialtyPrefix == null ? "" : specialtyPrefix.strip();
        return members.approvedExperts().stream()
                .filter(m -> m.expert().orElseThrow().eligibleForPool())
                .filter(m -> m.expert().orElseThrow().specialties().stream().anyMatch(s -> s.startsWith(prefix)))
                .map(m -> {
                    ExpertProfile e = m.expert().orElseThrow();
                    return new PoolExpert(m.id().value(), e.name(), e.employer() == null ? null : e.employer().value(),
                            e.specialties(), e.title(), e.yearsInField());
                }).toList();
    }

    @Transactional(readOnly = true)
    public boolean isApproved(MemberId member) {
        return members.status(member.value()).map(s -> s == MemberStatus.APPROVED).orElse(false);
    }

    @Transactional(readOnly = true)
    public Optional<MemberViews.MemberDetails> find(MemberId member) {
        return members.find(member.value()).map(MemberViews.MemberDetails::of);
    }

    @Transactional(readOnly = true)
    public MemberViews.MemberDetails details(MemberId member) {
        return MemberViews.MemberDetails.of(members.require(member.value()));
    }

    /** Members linked to this one by the same legal representative, by control, or by employment. */
    @Transactional(readOnly = true)
    public List<MemberViews.RelatedMember> relatedMembers(MemberId member) {
        members.require(member.value());
        return members.related(member.value());
    }

    /**
     * For each of these members, its company code (if it is a company) and the members linked to it, in two queries
     * whatever the number (the expert draw resolves the tenderee, agency and every bidder at once).
     */
    @Transactional(readOnly = true)
    public Map<MemberId, MemberViews.Ties> tiesOf(Collection<MemberId> memberIds) {
        List<UUID> ids = memberIds.stream().map(MemberId::value).toList();
        Map<UUID, String> usccs = members.usccsOf(ids);
        Map<UUID, List<MemberViews.RelatedMember>> related = members.relatedOf(ids);
        Map<MemberId, MemberViews.Ties> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            if (usccs.containsKey(id) || related.containsKey(id)) {
                out.put(MemberId.of(id), new MemberViews.Ties(usccs.get(id), related.getOrDefault(id, List.of())));
            }
        }
        return out;
    }

    @Transactional(readOnly = true)
    public MemberViews.Page<MemberViews.MemberSummary> search(String name, String uscc, Role role, MemberStatus status,
            String region, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "member.page.range");
        }
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("size", "member.size.range");
        }
        if (role != null && !role.isMemberRole()) {
            throw ProblemException.invalid("role", "member.role.unknown", role.name());
        }
        return members.search(name, uscc, role, status, region, page, size);
    }

    @Transactional(readOnly = true)
    public List<MemberViews.Agency> approvedAgencies(String regionPrefix) {
        return members.approvedAgencies(regionPrefix);
    }

    @Transactional(readOnly = true)
    public List<MemberViews.HistoryEntry> history(MemberId member) {
        members.require(member.value());
        return history.of(member.value());
    }

    /** Snapshot used by tests and the demo seeder. */
    /** Whether a member already holds this code: registering it again would be refused as a duplicate. */
    @Transactional(readOnly = true)
    public boolean registered(UnifiedSocialCreditCode uscc) {
        return members.idByUscc(uscc).isPresent();
    }

    /** Whether an expert member already holds this identity number. */
    @Transactional(readOnly = true)
    public boolean registered(ResidentIdNumber expertIdNumber) {
        return members.idByExpertIdNumber(expertIdNumber).isPresent();
    }

    @Transactional(readOnly = true)
    public long count() {
        return members.count();
    }
}

