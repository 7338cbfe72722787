package org.sunbid.identity;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;

/** Port: the certificates a member has bound, for certificate challenge login. The member registry implements it. */
public interface CertificateDirectory {

    List<X509Certificate> certificatesOf(UUID memberId);
}
