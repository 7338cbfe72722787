-- The opening session (开标大厅): who joined, live per-bid progress, the bidder's self-decryption window,
-- confirmations of and objections to the opening record.

alter table bid drop constraint bid_status_check;
alter table bid add constraint bid_status_check check (status in ('RECEIVED', 'REPLACED', 'WITHDRAWN', 'REVOKED'));
-- why a bid was withdrawn (撤回) or revoked (撤销) at the opening; null for a bidder's own withdrawal before the deadline
alter table bid add column opening_cause varchar(60);

alter table opening_session drop constraint opening_session_status_check;
alter table opening_session add constraint opening_session_status_check
    check (status in ('WAITING_FOR_SHARES', 'SELF_DECRYPT', 'OPENED', 'FAILED_TOO_FEW_BIDS'));
alter table opening_session add column self_decrypt_until timestamptz;
alter table opening_session add column objections_until timestamptz;

create table opening_participant (
    lot_id       uuid         not null,
    account_id   uuid         not null,
    role         varchar(20)  not null,
    member_id    uuid,
    display_name varchar(200) not null,
    joined_at    timestamptz  not null,
    primary key (lot_id, account_id)
);

-- One row per bid once decryption begins, committed step by step so the hall can follow it live.
create table opening_progress (
    bid_id     uuid primary key,
    lot_id     uuid        not null,
    member_id  uuid        not null,
    stage      varchar(20) not null check (stage in ('QUEUED', 'DECRYPTING', 'VERIFYING', 'OPENED', 'AWAITING_BIDDER',
                                                     'SELF_DECRYPTED', 'REVOKED', 'WITHDRAWN')),
    reason     varchar(60),
    updated_at timestamptz not null
);
create index opening_progress_lot_idx on opening_progress (lot_id);

-- Every self-decryption upload, accepted or refused, with the SHA-256 of what was uploaded.
create table self_decrypt_attempt (
    id             uuid primary key,
    bid_id         uuid        not null,
    lot_id         uuid        not null,
    account_id     uuid        not null,
    outcome        varchar(40) not null,
    package_sha256 char(64),
    package_size   bigint,
    attempted_at   timestamptz not null
);

create table opening_confirmation (
    lot_id       uuid        not null,
    member_id    uuid        not null,
    account_id   uuid        not null,
    confirmed_at timestamptz not null,
    primary key (lot_id, member_id)
);

create table opening_objection (
    id          uuid primary key,
    lot_id      uuid          not null,
    member_id   uuid          not null,
    account_id  uuid          not null,
    text        varchar(4000) not null,
    raised_at   timestamptz   not null,
    answer      varchar(4000),
    answered_by uuid,
    answered_at timestamptz
);
create index opening_objection_lot_idx on opening_objection (lot_id, raised_at);
