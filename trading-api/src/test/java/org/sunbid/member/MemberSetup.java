package org.sunbid.member;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.sunbid.identity.AccountId;
import org.sunbid.platform.id.MemberId;

/**
 * Sets members up for the tests of other features through the registry's use-case services: registers, approves,
 * binds certificates, and reads back what it set up. Ids are the plain UUIDs the fixtures carry.
 */
@Component
public class MemberSetup {

    private final MemberRegistration registration;
    private final MemberReview review;
    private final CertificateBinding certificates;
    private final MemberManagement members;

    MemberSetup(MemberRegistration registration, MemberReview review, CertificateBinding certificates,
            MemberManagement members) {
        this.registration = registration;
        this.review = review;
        this.certificates = certificates;
        this.members = members;
    }

    public MemberViews.Registered registerCompany(MemberForms.CompanyRegistration form, Map<String, Upload> uploads) {
        return registration.registerCompany(form, uploads);
    }

    public MemberViews.Registered registerExpert(MemberForms.ExpertRegistration form) {
        return registration.registerExpert(form);
    }

    public MemberViews.MemberDetails approve(UUID member, UUID staff) {
        return review.approve(MemberId.of(member), staff == null ? null : AccountId.of(staff));
    }

    public MemberViews.Certificate bindCertificate(UUID member, String encoded, UUID actor) {
        return certificates.bindCertificate(MemberId.of(member), encoded, actor == null ? null : AccountId.of(actor));
    }

    public List<MemberViews.Certificate> certificates(UUID member) {
        return certificates.certificates(MemberId.of(member));
    }

    public MemberViews.MemberDetails details(UUID member) {
        return members.details(MemberId.of(member));
    }

    public Optional<MemberViews.MemberDetails> find(UUID member) {
        return members.find(MemberId.of(member));
    }
}
