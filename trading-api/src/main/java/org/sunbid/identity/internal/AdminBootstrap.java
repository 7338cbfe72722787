package org.sunbid.identity.internal;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.sunbid.identity.PasswordPolicy;
import org.sunbid.identity.Role;
import org.sunbid.platform.PlatformProperties;

/** Creates the first administrator from configuration when no account of that name exists. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final PlatformProperties properties;
    private final Clock clock;

    AdminBootstrap(Accounts accounts, PasswordEncoder passwords, PlatformProperties properties, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String username = properties.admin().username();
        if (accounts.usernameTaken(username)) {
            return;
        }
        PasswordPolicy.check("sunbid.admin.password", properties.admin().password());
        var now = clock.instant();
        accounts.insert(new AccountRecord(UUID.randomUUID(), username, passwords.encode(properties.admin().password()),
                Role.ADMIN, null, "系统管理员 Administrator", true, 0, 0, null, now), now);
        log.info("Created the first administrator account '{}' from configuration", username);
    }
}
