-- Sealed bids (投标): per-lot opening keys split among custodians, resumable uploads, bids with receipts, openings.

-- A custodian's certificate: opening-key shares are sealed to it.
create table custodian_certificate (
    account_id  uuid primary key,
    certificate bytea       not null,
    fingerprint char(64)    not null unique,
    bound_at    timestamptz not null
);

-- The lot's opening key: only its certificate is kept; the private key exists only as sealed shares.
create table opening_key (
    lot_id      uuid primary key,
    project_id  uuid        not null,
    certificate bytea       not null,
    split_id    uuid        not null,
    threshold   integer     not null,
    total       integer     not null,
    created_at  timestamptz not null
);
create table opening_key_share (
    lot_id       uuid    not null references opening_key (lot_id),
    idx          integer not null,
    custodian_id uuid    not null,
    sealed_share bytea   not null,
    primary key (lot_id, idx)
);

-- Deposit clearance set by staff until the deposit feature answers the same port.
create table deposit_clearance (
    lot_id    uuid        not null,
    member_id uuid        not null,
    set_by    uuid        not null,
    set_at    timestamptz not null,
    primary key (lot_id, member_id)
);

create table bid_upload (
    id              uuid primary key,
    lot_id          uuid        not null,
    project_id      uuid        not null,
    member_id       uuid        not null,
    account_id      uuid        not null,
    expected_size   bigint      not null,
    expected_sha256 char(64)    not null,
    received        bigint      not null default 0,
    last_byte_at    timestamptz,
    file            varchar(300) not null,
    created_at      timestamptz not null,
    completed_bid   uuid
);

create table bid (
    id              uuid primary key,
    lot_id          uuid         not null,
    project_id      uuid         not null,
    member_id       uuid         not null,
    status          varchar(20)  not null check (status in ('RECEIVED', 'REPLACED', 'WITHDRAWN')),
    sha256          char(64)     not null,
    size            bigint       not null,
    file            varchar(300) not null,
    manifest        bytea        not null,
    client_ip       varchar(64),
    fingerprint     text,
    received_at     timestamptz  not null,
    receipt         text         not null,
    receipt_signature bytea      not null,
    receipt_timestamp bytea      not null,
    receipt_document uuid,
    withdrawn_at    timestamptz,
    replaced_by     uuid
);
create index bid_lot_idx on bid (lot_id, status);
create index bid_member_idx on bid (member_id);

create table opening_session (
    lot_id        uuid primary key,
    project_id    uuid        not null,
    status        varchar(20) not null check (status in ('WAITING_FOR_SHARES', 'OPENED', 'FAILED_TOO_FEW_BIDS')),
    started_at    timestamptz not null,
    opened_at     timestamptz,
    record_document uuid
);

-- Who released a share and the signature over the release; the share itself is never stored.
create table share_release (
    lot_id       uuid        not null,
    idx          integer     not null,
    custodian_id uuid        not null,
    signature    bytea       not null,
    released_at  timestamptz not null,
    primary key (lot_id, idx)
);

create table opening_result (
    bid_id      uuid primary key,
    lot_id      uuid         not null,
    member_id   uuid         not null,
    decryption  varchar(40)  not null,
    signature   varchar(40)  not null,
    hash_check  varchar(40)  not null,
    price       numeric(18, 2),
    duration    varchar(100),
    bid_form    text,
    opened_at   timestamptz  not null
);
