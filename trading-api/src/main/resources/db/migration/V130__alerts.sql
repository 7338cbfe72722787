-- Collusion alerts (围标串标预警): the latest signals of every opened lot, alerts and their handling steps,
-- documents added by regulators, and the addresses and devices seen at tender downloads and self-decryption.

create table alert_assessment (
    lot_id      uuid primary key,
    project_id  uuid        not null,
    score       integer     not null,
    signals     jsonb       not null,
    assessed_at timestamptz not null,
    runs        integer     not null default 1
);

create table alert (
    id          uuid primary key,
    lot_id      uuid        not null unique,
    project_id  uuid        not null,
    score       integer     not null,
    signals     jsonb       not null,
    state       varchar(20) not null check (state in ('OPEN', 'INVESTIGATING', 'CONFIRMED', 'DISMISSED')),
    raised_at   timestamptz not null,
    assessed_at timestamptz not null
);
create index alert_score_idx on alert (score desc, raised_at);

create table alert_step (
    alert_id   uuid        not null references alert (id),
    seq        integer     not null,
    from_state varchar(20) not null,
    to_state   varchar(20) not null,
    by_account uuid        not null,
    reason     varchar(4000) not null,
    documents  jsonb       not null,
    at         timestamptz not null,
    primary key (alert_id, seq)
);

create table alert_document (
    alert_id   uuid         not null references alert (id),
    sha256     char(64)     not null,
    filename   varchar(200) not null,
    media_type varchar(100) not null,
    content    bytea        not null,
    added_by   uuid         not null,
    added_at   timestamptz  not null,
    primary key (alert_id, sha256)
);

-- Steps and documents are the record of a case: never edited or removed.
create function alert_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'alert history is append-only';
end $$;
create trigger alert_step_append_only before update or delete on alert_step
    for each row execute function alert_history_is_append_only();
create trigger alert_document_append_only before update or delete on alert_document
    for each row execute function alert_history_is_append_only();

create table alert_trace (
    id          bigserial primary key,
    project_id  uuid,
    lot_id      uuid,
    member_id   uuid        not null,
    what        varchar(20) not null check (what in ('DOWNLOAD', 'DECRYPTION')),
    client_ip   varchar(64),
    device      varchar(200),
    at          timestamptz not null
);
create index alert_trace_project_idx on alert_trace (project_id);
create index alert_trace_lot_idx on alert_trace (lot_id);
