-- Evaluation (评标): the plan fixed before the session, the session aggregate, signed score sheets and the report's
-- signature versions. The session is stored as one JSON snapshot of its aggregate (rules live in the Java aggregate);
-- score sheets and report versions are insert-only evidence with their hashes.

create table evaluation_plan (
    lot_id     uuid primary key,
    project_id uuid        not null,
    plan       jsonb       not null,
    set_by     uuid        not null,
    set_at     timestamptz not null
);

create table evaluation_session (
    lot_id     uuid primary key,
    project_id uuid        not null,
    phase      varchar(20) not null check (phase in ('CHECK_IN', 'COMPLIANCE', 'SCORING', 'REPORT_SIGNING', 'CONCLUDED')),
    snapshot   jsonb       not null,
    version    integer     not null,
    updated_at timestamptz not null
);

-- One signed sheet per member and bid: the exact JSON the member signed and the detached CMS signature over it.
create table evaluation_sheet (
    lot_id         uuid        not null,
    bid_id         uuid        not null,
    member_id      uuid        not null,
    content        text        not null,
    content_sha256 char(64)    not null,
    signature      bytea       not null,
    submitted_at   timestamptz not null,
    primary key (lot_id, bid_id, member_id)
);

-- Each version of the report PDF: the unsigned draft (version 0), then one incremental PAdES signature per member, then
-- the platform's. The PDF bytes live in the blob store under their SHA-256.
create table evaluation_report_version (
    lot_id     uuid        not null,
    version    integer     not null,
    signer     uuid,
    pdf_sha256 char(64)    not null,
    pdf_size   bigint      not null,
    created_at timestamptz not null,
    primary key (lot_id, version)
);
