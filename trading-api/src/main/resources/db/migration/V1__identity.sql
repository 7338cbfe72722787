-- Accounts that can log in: member accounts (bidder, tenderee, agent, expert) and platform accounts.
create table account (
    id                  uuid primary key,
    username            varchar(64)  not null,
    password_hash       varchar(200) not null,
    role                varchar(20)  not null,
    member_id           uuid,
    display_name        varchar(200) not null,
    enabled             boolean      not null default true,
    token_version       integer      not null default 0,
    failed_attempts     integer      not null default 0,
    locked_until        timestamptz,
    created_at          timestamptz  not null,
    password_changed_at timestamptz  not null,
    constraint account_role_known check (role in ('BIDDER','TENDEREE','AGENT','EXPERT','CUSTODIAN','STAFF','REGULATOR','ADMIN'))
);
create unique index account_username_uk on account (lower(username));
create index account_member_idx on account (member_id);

-- Every login attempt, successful or not (append-only).
create table login_attempt (
    id         bigserial primary key,
    username   varchar(64) not null,
    account_id uuid,
    method     varchar(16) not null,
    success    boolean     not null,
    reason     varchar(40) not null,
    client_ip  varchar(64),
    at         timestamptz not null
);
create index login_attempt_account_idx on login_attempt (account_id, at);

-- Refresh tokens are stored only as SHA-256 hashes; rotated at each use.
create table refresh_token (
    token_hash  bytea primary key,
    account_id  uuid        not null references account (id),
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index refresh_token_account_idx on refresh_token (account_id);

-- Single-use nonces for certificate challenge login.
create table login_challenge (
    id         uuid primary key,
    nonce      bytea       not null,
    account_id uuid        not null references account (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
