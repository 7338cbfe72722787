package org.sunbid.evaluation;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CertificateDirectory;
import org.sunbid.platform.id.MemberId;
import org.sunbid.signing.cms.CmsVerifier;
import org.sunbid.signing.cms.SignatureCheck;
import org.sunbid.signing.cms.VerifyOptions;

/**
 * Checks a detached CMS signature over content against the certificates a member has bound (the member registry's
 * directory), for signed score sheets, objections and award decisions.
 */
@Component
public class MemberSignatures {

    private final CertificateDirectory directory;

    MemberSignatures(CertificateDirectory directory) {
        this.directory = directory;
    }

    /** The member's certificate that made the signature, if one did. */
    public Optional<X509Certificate> signer(MemberId member, byte[] content, byte[] detachedCms) {
        if (detachedCms == null || detachedCms.length == 0) {
            return Optional.empty();
        }
        for (X509Certificate certificate : directory.certificatesOf(member)) {
            try {
                SignatureCheck check = CmsVerifier.verify(detachedCms, content, VerifyOptions.expecting(certificate));
                if (check instanceof SignatureCheck.Valid) {
                    return Optional.of(certificate);
                }
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public List<X509Certificate> certificatesOf(MemberId member) {
        return directory.certificatesOf(member);
    }
}
