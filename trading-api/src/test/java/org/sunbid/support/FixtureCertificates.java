package org.sunbid.support;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.sunbid.identity.CertificateDirectory;

/**
 * Certificates bound to members in tests, standing in for the member registry's binding API where a test only needs
 * "this member has this certificate". It answers only for members a test registered here.
 */
@Component
public class FixtureCertificates implements CertificateDirectory {

    private final Map<UUID, List<X509Certificate>> bound = new ConcurrentHashMap<>();

    public void bind(UUID member, X509Certificate certificate) {
        bound.merge(member, List.of(certificate), (a, b) -> {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        });
    }

    @Override
    public List<X509Certificate> certificatesOf(UUID memberId) {
        return bound.getOrDefault(memberId, List.of());
    }
}
