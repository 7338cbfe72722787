-- Issue 18: the supervision log is written with its transaction. Every entry is first a row of this outbox, inserted
-- in the same database transaction as the change it records (so a committed act always has its row and a rolled-back
-- one never has), then the log writer drains the rows in id order into supervision_entry, numbering them without gaps,
-- and deletes them in the same transaction as the append: exactly once, across restarts and nodes. Sealed details are
-- sealed before the row is written (sealed_commitment / sealed_envelope), so nothing here is readable that the log
-- itself would not show.
create table supervision_outbox (
    id                 bigserial    primary key,
    at                 timestamptz  not null,
    actor              varchar(80)  not null,
    actor_role         varchar(20),
    action             varchar(120) not null,
    subject            varchar(80),
    details            text         not null,
    details_sha256     bytea        not null,
    client_ip          varchar(64),
    device_fingerprint varchar(200),
    sealed_lots        uuid[],
    sealed_commitment  bytea,
    sealed_envelope    bytea
);

-- The outbox row an entry came from: a second delivery of the same row fails on the unique index instead of logging
-- the act twice. Entries written before this migration, and tree-head bookkeeping, have none.
alter table supervision_entry add column outbox_id bigint;
create unique index supervision_entry_outbox_idx on supervision_entry (outbox_id) where outbox_id is not null;
