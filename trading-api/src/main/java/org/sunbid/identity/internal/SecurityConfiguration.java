package org.sunbid.identity.internal;

import java.io.IOException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.sunbid.platform.PlatformProperties;
import org.sunbid.platform.web.Problems;
import org.sunbid.signing.keys.PlatformKeyStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: public paths are listed here; every other API call needs a valid token, and each controller
 * method names the roles it admits with {@code @PreAuthorize}. Stateless: no server session.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Paths anyone may call without a token. */
    static final String[] PUBLIC_PATHS = { "/api/public/**", "/api/auth/**", "/actuator/health", "/actuator/health/**",
            "/actuator/info", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, ProblemWriter problems) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                jwt -> List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString("role"))));
        RequestMatcher staticResources = request -> HttpMethod.GET.matches(request.getMethod())
                && !request.getRequestURI().startsWith("/api/");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers(staticResources).permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "problem.unauthorized"))
                        .accessDeniedHandler((req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN,
                                "forbidden", "problem.forbidden")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "unauthorized", "problem.unauthorized"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN,
                                "forbidden", "problem.forbidden")));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PlatformKeyStore.KeyEntry jwtSigningKey(PlatformProperties properties) {
        return PlatformKeyStore.loadOrCreate(properties.keystoreFile(), properties.keys().passphrase().toCharArray(),
                "jwt", "CN=Sunbid token signing,O=Sunbid", Duration.ofDays(3650));
    }

    @Bean
    JwtEncoder jwtEncoder(PlatformKeyStore.KeyEntry jwtSigningKey) {
        ECKey key = new ECKey.Builder(Curve.P_256, (ECPublicKey) jwtSigningKey.certificate().getPublicKey())
                .privateKey((ECPrivateKey) jwtSigningKey.privateKey()).keyID("sunbid-jwt").build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    @Bean
    JwtDecoder jwtDecoder(PlatformKeyStore.KeyEntry jwtSigningKey, Accounts accounts) {
        ECKey key = new ECKey.Builder(Curve.P_256, (ECPublicKey) jwtSigningKey.certificate().getPublicKey())
                .keyID("sunbid-jwt").build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(key))));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(TokenClaims.wellFormed(),
                new JwtTimestampValidator(Duration.ofSeconds(30)), new JwtIssuerValidator(Tokens.ISSUER),
                TokenClaims.notRevoked(accounts)));
        return decoder;
    }

    /** Writes security refusals in the same problem+json shape as the controllers' errors. */
    @org.springframework.stereotype.Component
    static class ProblemWriter {
        private final Problems problems;
        private final org.springframework.web.servlet.LocaleResolver locales;
        private final JsonMapper json = JsonMapper.builder().build();

        ProblemWriter(Problems problems, org.springframework.web.servlet.LocaleResolver locales) {
            this.problems = problems;
            this.locales = locales;
        }

        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
                String key) throws IOException {
            Locale locale = locales.resolveLocale(request);
            ProblemDetail body = problems.build(status, type, null, key, new Object[0], locale);
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            if (status == HttpStatus.UNAUTHORIZED) {
                response.setHeader("WWW-Authenticate", "Bearer");
            }
            var map = new java.util.LinkedHashMap<String, Object>();
            map.put("type", body.getType().toString());
            map.put("title", body.getTitle());
            map.put("status", body.getStatus());
            map.put("detail", body.getDetail());
            map.put("instance", request.getRequestURI());
            response.getWriter().write(json.writeValueAsString(map));
        }
    }
}
