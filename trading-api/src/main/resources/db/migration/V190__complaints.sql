-- Complaints (投诉, 实施条例 arts. 60–62): the complaint with its signed text, the regulator's handling, recorded
-- pauses for expert opinions or tests, the scheduled jobs held while the procedure is suspended, and the project's
-- holds (a suspension the project shows beside an open objection).

create table project_hold (
    project_id uuid         not null references project (id),
    holder_id  uuid         not null,
    reason     varchar(200) not null,
    since      timestamptz  not null,
    primary key (project_id, holder_id)
);

create table complaint (
    id                 uuid primary key,
    project_id         uuid          not null references project (id),
    objection_id       uuid          not null,
    complainant        uuid          not null,
    text               varchar(4000) not null,
    signature          bytea         not null,
    signature_sha256   char(64)      not null,
    known_on           date          not null,
    filed_at           timestamptz   not null,
    filed_on           date          not null,
    state              varchar(20)   not null check (state in ('FILED', 'ACCEPTED', 'REFUSED', 'DECIDED')),
    accepted_on        date,
    suspended          boolean       not null default false,
    verdict            varchar(20) check (verdict in ('UPHELD', 'DISMISSED')),
    outcome            varchar(4000),
    closed_on          date,
    decision_document  uuid,
    reminded_for       date,
    overdue_since      date,
    unique (objection_id, complainant)
);
create index complaint_project_idx on complaint (project_id);

create table complaint_pause (
    complaint_id uuid         not null references complaint (id),
    seq          integer      not null,
    from_day     date         not null,
    to_day       date,
    reason       varchar(500) not null,
    primary key (complaint_id, seq)
);

create table complaint_held_job (
    complaint_id uuid         not null references complaint (id),
    kind         varchar(100) not null,
    subject      varchar(200) not null,
    due_at       timestamptz  not null,
    primary key (complaint_id, kind, subject)
);

alter table notice drop constraint notice_kind_known;
alter table notice add constraint notice_kind_known check (kind in ('TENDER_ANNOUNCEMENT','CLARIFICATION',
    'OPENING_RECORD','CANDIDATE_PUBLICITY','AWARD','CONTRACT','FAILED_TENDER','TERMINATION','COMPLAINT_DECISION'));
