-- Members: companies (bidders, tenderees, agencies) and experts, registered and reviewed by centre staff.
create table member (
    id                     uuid primary key,
    role                   varchar(20)  not null,
    status                 varchar(20)  not null,
    name                   varchar(200) not null,
    -- companies
    uscc                   char(18),
    legal_rep_name         varchar(100),
    legal_rep_id_number    char(18),
    controller_name        varchar(200),
    controller_uscc        char(18),
    contacts               jsonb        not null default '[]',
    address                varchar(300),
    region_code            char(6),
    business_scope         text,
    bank_name              varchar(200),
    bank_account           varchar(40),
    -- experts
    id_number              char(18),
    employer_uscc          char(18),
    specialties            varchar(20)[] not null default '{}',
    title                  varchar(20),
    years_in_field         integer,
    phone                  varchar(30),
    -- review
    status_reason          text,
    reviewed_by            uuid,
    reviewed_at            timestamptz,
    approved_by            uuid,
    approved_at            timestamptz,
    registered_at          timestamptz  not null,
    updated_at             timestamptz  not null,
    constraint member_role_known check (role in ('BIDDER','TENDEREE','AGENT','EXPERT')),
    constraint member_status_known check (status in ('PENDING','APPROVED','RETURNED','SUSPENDED','CANCELLED')),
    constraint member_company_fields check (role = 'EXPERT' or (uscc is not null and legal_rep_id_number is not null
        and region_code is not null)),
    constraint member_expert_fields check (role <> 'EXPERT' or (id_number is not null and years_in_field >= 0))
);
create unique index member_uscc_uk on member (uscc) where uscc is not null;
create unique index member_expert_id_uk on member (id_number) where id_number is not null;
create index member_legal_rep_idx on member (legal_rep_id_number);
create index member_controller_idx on member (controller_uscc);
create index member_employer_idx on member (employer_uscc);
create index member_role_status_idx on member (role, status);
create index member_region_idx on member (region_code);

-- Qualification certificates (资质证书) with the scan kept in the blob store.
create table member_qualification (
    id          uuid primary key,
    member_id   uuid         not null references member (id),
    kind        varchar(100) not null,
    number      varchar(100) not null,
    grade       varchar(50),
    issuer      varchar(200) not null,
    expires_on  date         not null,
    scan_sha256 char(64)     not null,
    scan_type   varchar(40)  not null,
    scan_size   bigint       not null,
    scan_name   varchar(200),
    added_at    timestamptz  not null
);
create index member_qualification_member_idx on member_qualification (member_id);
create index member_qualification_expiry_idx on member_qualification (expires_on);

-- X.509 certificates a member has bound (for certificate login and signature checks); a certificate binds once.
create table member_certificate (
    id          uuid primary key,
    member_id   uuid         not null references member (id),
    fingerprint char(64)     not null,
    algorithm   varchar(10)  not null,
    subject     varchar(500) not null,
    issuer      varchar(500) not null,
    serial      varchar(80)  not null,
    not_before  timestamptz  not null,
    not_after   timestamptz  not null,
    der         bytea        not null,
    bound_at    timestamptz  not null,
    bound_by    uuid,
    revoked_at  timestamptz
);
create unique index member_certificate_fingerprint_uk on member_certificate (fingerprint);
create index member_certificate_member_idx on member_certificate (member_id);

-- Every change to a member: who, when, what, why. Append-only.
create table member_history (
    seq       bigserial primary key,
    member_id uuid        not null references member (id),
    at        timestamptz not null,
    actor     uuid,
    action    varchar(40) not null,
    reason    text,
    details   jsonb       not null default '{}'
);
create index member_history_member_idx on member_history (member_id, seq);

create function member_history_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'member_history is append-only: % refused', tg_op using errcode = 'P0001';
end
$$;
create trigger member_history_no_update before update or delete on member_history
    for each row execute function member_history_append_only();
create trigger member_history_no_truncate before truncate on member_history
    for each statement execute function member_history_append_only();
