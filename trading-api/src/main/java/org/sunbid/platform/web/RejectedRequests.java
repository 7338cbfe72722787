package org.sunbid.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests the security firewall rejects before anything else runs (an encoded {@code %} or {@code ..} in the path,
 * a header with control characters) are answered as problem+json like every other error, not with an empty 400.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, HttpStatus.BAD_REQUEST,
                "rejected-request", null, "problem.rejected-request");
    }
}
