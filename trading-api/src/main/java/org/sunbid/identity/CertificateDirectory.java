package org.sunbid.identity;

import java.security.cert.X509Certificate;
import java.util.List;

import org.sunbid.platform.id.MemberId;

/** Port: the certificates a member has bound, for certificate challenge login. The member registry implements it. */
public interface CertificateDirectory {

    List<X509Certificate> certificatesOf(MemberId member);
}
