package org.sunbid.bid.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sunbid.platform.LoggedActs;

/**
 * Every bid row was received with a {@code bid.bid-submitted} entry. Those entries are sealed until the opening (their
 * subject is the lot, their details a commitment), so the log must hold as many per lot as the lot has bid rows.
 */
@Configuration(proxyBeanMethods = false)
class LoggedBids {

    @Bean
    LoggedActs bidsInTheLog() {
        return new LoggedActs("bid", "bid.bid-submitted", "select lot_id::text, count(*) from bid group by lot_id");
    }
}
