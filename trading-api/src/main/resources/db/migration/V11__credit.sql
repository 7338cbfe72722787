-- Credit review (统一资信审查): good and bad behaviour records, correction requests, bans (黑名单).

-- Decision documents, content-addressed by SHA-256 (the same bytes are stored once).
create table credit_document (
    sha256     bytea        primary key,
    content    bytea        not null,
    filename   varchar(200) not null,
    media_type varchar(100) not null,
    size       bigint       not null,
    stored_at  timestamptz  not null
);

create table credit_record (
    id              uuid         primary key,
    member_id       uuid         not null,
    kind            varchar(10)  not null,
    severity        varchar(10),
    description     text         not null,
    legal_basis     text         not null,
    decision_sha256 bytea        not null references credit_document (sha256),
    authority       varchar(200) not null,
    decided_on      date         not null,
    effective_from  date         not null,
    effective_to    date,
    published_until date,
    corrects        uuid         references credit_record (id),
    superseded_by   uuid         references credit_record (id),
    revoked_at      timestamptz,
    revoked_by      uuid,
    revoke_reason   text,
    created_by      uuid         not null,
    created_at      timestamptz  not null,
    constraint credit_record_kind check (kind in ('GOOD', 'BAD')),
    constraint credit_record_severity check ((kind = 'BAD' and severity in ('MINOR', 'SERIOUS', 'GRAVE'))
        or (kind = 'GOOD' and severity is null)),
    constraint credit_record_dates check (effective_to is null or effective_to >= effective_from)
);
create index credit_record_member_idx on credit_record (member_id, effective_from);
create index credit_record_published_idx on credit_record (kind, published_until);

create table credit_correction_request (
    id           uuid        primary key,
    record_id    uuid        not null references credit_record (id),
    member_id    uuid        not null,
    reason       text        not null,
    requested_by uuid        not null,
    requested_at timestamptz not null
);
create index credit_correction_request_record_idx on credit_correction_request (record_id);

create table credit_ban (
    id              uuid         primary key,
    member_id       uuid,
    -- the banned party's unified social credit code (or ID number), so registration can be refused before a
    -- member id exists, and bans decided elsewhere (e.g. a national list) can be entered for non-members
    party_code      varchar(18),
    kind            varchar(40)  not null,
    scope           varchar(20)  not null,
    reason          text         not null,
    legal_basis     text         not null,
    starts_on       date         not null,
    ends_on         date         not null,
    authority       varchar(200) not null,
    decision_sha256 bytea        not null references credit_document (sha256),
    created_by      uuid         not null,
    created_at      timestamptz  not null,
    revoked_at      timestamptz,
    revoked_by      uuid,
    revoke_reason   text,
    constraint credit_ban_scope check (scope in ('ALL', 'CONSTRUCTION', 'PROCUREMENT')),
    constraint credit_ban_dates check (ends_on > starts_on),
    constraint credit_ban_party check (member_id is not null or party_code is not null)
);
create index credit_ban_member_idx on credit_ban (member_id, starts_on, ends_on);
create index credit_ban_party_idx on credit_ban (party_code, starts_on, ends_on);
