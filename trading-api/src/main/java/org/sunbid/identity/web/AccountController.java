package org.sunbid.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sunbid.identity.AccountManagement;
import org.sunbid.identity.CurrentUser;
import org.sunbid.identity.Role;
import org.sunbid.identity.internal.Accounts;
import org.sunbid.platform.ProblemException;

/** The caller's own account, and platform accounts managed by administrators. */
@RestController
@RequestMapping("/api")
@Tag(name = "accounts", description = "账户 Accounts")
class AccountController {

    private final AccountManagement accounts;
    private final Accounts store;

    AccountController(AccountManagement accounts, Accounts store) {
        this.accounts = accounts;
        this.store = store;
    }

    record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
    }

    record NewPlatformAccount(@NotBlank String username, @NotBlank String password, @NotNull Role role,
            @NotBlank String displayName) {
    }

    @GetMapping("/accounts/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "当前账户 The caller's account")
    AccountManagement.AccountView me(CurrentUser user) {
        return accounts.find(user.account()).orElseThrow(() -> ProblemException.notFound("account", user.accountId()));
    }

    @GetMapping("/accounts/me/login-attempts")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "最近登录记录 Recent login attempts of the caller")
    List<Accounts.LoginAttemptRecord> attempts(CurrentUser user) {
        return store.attempts(user.accountId(), 50);
    }

    @PostMapping("/accounts/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "修改密码（吊销所有令牌） Change password, revoking every token")
    void changePassword(CurrentUser user, @Valid @RequestBody PasswordChange body) {
        accounts.changePassword(user.account(), body.currentPassword(), body.newPassword());
    }

    @PostMapping("/admin/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "创建平台账户 Create a staff, regulator, custodian or admin account")
    Map<String, UUID> create(CurrentUser user, @Valid @RequestBody NewPlatformAccount body) {
        return Map.of("id", accounts.createPlatformAccount(body.username(), body.password(), body.role(),
                body.displayName(), user.account()).value());
    }

    /** A staff member as pickers show it: id and name, nothing else. */
    record StaffMember(UUID id, String displayName, String username) {
    }

    @GetMapping("/accounts/staff")
    @PreAuthorize("hasAnyRole('STAFF','ADMIN','REGULATOR')")
    @Operation(summary = "交易中心工作人员（选择主持人等） Centre staff, for pickers such as a booking's host")
    List<StaffMember> staff() {
        return accounts.platformAccounts().stream().filter(a -> a.role() == Role.STAFF && a.enabled())
                .map(a -> new StaffMember(a.id(), a.displayName(), a.username())).toList();
    }

    @GetMapping("/admin/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "平台账户列表 Platform accounts")
    List<AccountManagement.AccountView> list() {
        return accounts.platformAccounts();
    }
}
