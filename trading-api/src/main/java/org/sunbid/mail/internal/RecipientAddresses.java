package org.sunbid.mail.internal;

import java.util.List;
import java.util.UUID;

/** The e-mail addresses an account is reached at; none for an account without any. */
@FunctionalInterface
public interface RecipientAddresses {

    List<String> of(UUID account);
}
