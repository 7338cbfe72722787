-- Award (定标): one row per evaluated lot from the concluded report to the contract; the aggregate is a JSON snapshot
-- (rules live in the Java aggregate). Signed evidence (objections, the decision, the contract) is insert-only.

create table award (
    lot_id       uuid primary key,
    project_id   uuid        not null,
    report_at    timestamptz not null,
    report_sha256 char(64)   not null,
    state_funded boolean     not null,
    candidates   jsonb       not null,
    snapshot     jsonb,
    letter_at    timestamptz,
    reminded_at  timestamptz,
    alerted_at   timestamptz,
    completed_at timestamptz,
    updated_at   timestamptz not null
);
create index award_project_idx on award (project_id);

create table award_evidence (
    id         uuid primary key,
    lot_id     uuid        not null,
    kind       varchar(30) not null check (kind in ('OBJECTION', 'OBJECTION_ANSWER', 'DECISION', 'CONTRACT')),
    member_id  uuid,
    content    text        not null,
    signature  bytea,
    file_sha256 char(64),
    created_at timestamptz not null
);
create index award_evidence_lot_idx on award_evidence (lot_id, created_at);
