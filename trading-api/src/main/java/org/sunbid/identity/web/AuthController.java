package org.sunbid.identity.web;

import java.util.Base64;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.internal.Logins;
import org.sunbid.identity.internal.Tokens;
import org.sunbid.platform.ProblemException;
import org.sunbid.signing.certs.ChallengeSignatures;

/** Login with a password or a certificate challenge, token refresh and logout. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "auth", description = "登录与令牌 Login and tokens")
class AuthController {

    private final Logins logins;
    private final Tokens tokens;

    AuthController(Logins logins, Tokens tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    record PasswordLogin(@NotBlank String username, @NotBlank String password) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    record ChallengeRequest(@NotBlank String username) {
    }

    /**
     * @param signature base64 of the signature over the UTF-8 bytes of the challenge text
     * @param format    RAW (a bare ECDSA/RSA/SM2 signature) or CMS (a detached CMS SignedData)
     */
    record ChallengeResponse(@NotBlank String signature, @NotNull ChallengeSignatures.Format format) {
    }

    @PostMapping("/login")
    @Operation(summary = "密码登录 Password login")
    Tokens.TokenPair login(@Valid @RequestBody PasswordLogin body, HttpServletRequest request) {
        return logins.withPassword(body.username(), body.password(), request.getRemoteAddr());
    }

    @PostMapping("/refresh")
    @Operation(summary = "刷新令牌 Rotate a refresh token")
    Tokens.TokenPair refresh(@Valid @RequestBody RefreshRequest body) {
        return tokens.refresh(body.refreshToken());
    }

    @PostMapping("/challenges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请证书登录挑战 Issue a single-use nonce for certificate login")
    Logins.Challenge challenge(@Valid @RequestBody ChallengeRequest body) {
        return logins.challenge(body.username());
    }

    @PostMapping("/challenges/{id}/response")
    @Operation(summary = "提交挑战签名 Answer a challenge with a signature")
    Tokens.TokenPair answer(@PathVariable UUID id, @Valid @RequestBody ChallengeResponse body,
            HttpServletRequest request) {
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(body.signature());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("signature", "identity.challenge.not-base64");
        }
        return logins.withCertificate(id, signature, body.format(), request.getRemoteAddr());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "退出并吊销令牌 Log out and revoke tokens")
    void logout(CurrentUser user) {
        tokens.revokeAll(user.accountId());
    }
}
