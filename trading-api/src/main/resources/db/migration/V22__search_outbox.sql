-- Durable outbox: a row per notice to (re)index; written in the publishing transaction, drained by a poller.
create table search_outbox (
    id           bigserial primary key,
    notice_id    uuid        not null,
    enqueued_at  timestamptz not null,
    attempts     integer     not null default 0,
    last_error   varchar(1000),
    next_attempt_at timestamptz not null,
    processed_at timestamptz
);
create index search_outbox_pending_idx on search_outbox (next_attempt_at) where processed_at is null;
