package org.sunbid.identity.web;

import java.util.Base64;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

    record PasswordLogin(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 1024) String password) {
    }

    record RefreshRequest(@NotBlank String refreshToken) {
    }

    record ChallengeRequest(@NotBlank @Size(max = 64) String username) {
    }

    /**
     * @param signature base64 of the signature over the UTF-8 bytes of the challenge text
     * @param format    RAW (a bare ECDSA/RSA/SM2 signature) or CMS (a detached CMS SignedData)
     */
    @Schema(description = """
            对挑战文本（challenge 字段，UTF-8 字节，不含换行）的签名。The signature over the UTF-8 bytes of the \
            `challenge` text exactly as issued (no trailing newline), by the private key of a certificate bound to \
            the member. RAW: the bare signature (ECDSA P-256 with SHA-256 as DER, RSA PKCS#1 v1.5 with SHA-256, or \
            SM2 with SM3), e.g. `printf %s "$CHALLENGE" | openssl dgst -sha256 -sign key.pem | base64 -w0`. CMS: a \
            detached CMS SignedData (DER), e.g. `printf %s "$CHALLENGE" | openssl cms -sign -binary -signer cert.pem \
            -inkey key.pem -outform DER | base64 -w0`.""")
    record ChallengeResponse(
            @Schema(description = "base64 (standard alphabet) of the signature", example = "MEUCIQC...")
            @NotBlank String signature,
            @Schema(description = "RAW or CMS", example = "RAW") @NotNull ChallengeSignatures.Format format) {
    }

    @PostMapping("/login")
    @Operation(summary = "密码登录 Password login", description = """
            未知用户名与错误密码的回答相同。同一用户名自同一地址失败 5 次后须等待（30 秒起倍增，最多 15 分钟）；同一地址 15 分钟内\
            失败 50 次则该地址被锁定 15 分钟。账户本身从不因失败被锁定；证书登录不受影响。An unknown name and a wrong \
            password get the same answer. After 5 failures of one name from one address, that pair waits (30 s, \
            doubling, at most 15 min); 50 failures from one address in 15 min lock that address out for 15 min. No \
            account is ever locked by failures; certificate login is unaffected. See docs/api.md.""")
    @ApiResponse(responseCode = "200", description = "令牌 Tokens", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "problem+json; type: login-failed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "429", description = "problem+json; type: too-many-attempts (retryAfter seconds)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    Tokens.TokenPair login(@Valid @RequestBody PasswordLogin body, HttpServletRequest request) {
        return logins.withPassword(body.username(), body.password(), request.getRemoteAddr());
    }

    @PostMapping("/refresh")
    @Operation(summary = "刷新令牌 Rotate a refresh token")
    @ApiResponse(responseCode = "200", description = "令牌 Tokens", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "problem+json; type: invalid-refresh-token",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    Tokens.TokenPair refresh(@Valid @RequestBody RefreshRequest body) {
        return tokens.refresh(body.refreshToken());
    }

    @PostMapping("/challenges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请证书登录挑战 Issue a single-use nonce for certificate login", description = """
            任何用户名都会得到挑战（2 分钟有效），不透露用户名是否存在。Every name gets a challenge (valid 2 minutes); \
            whether the name exists is not revealed. Sign the `challenge` text and answer at \
            /api/auth/challenges/{id}/response.""")
    Logins.Challenge challenge(@Valid @RequestBody ChallengeRequest body) {
        return logins.challenge(body.username());
    }

    @PostMapping("/challenges/{id}/response")
    @Operation(summary = "提交挑战签名 Answer a challenge with a signature")
    @ApiResponse(responseCode = "200", description = "令牌 Tokens", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "problem+json; type: login-failed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
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
