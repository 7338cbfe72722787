-- The opening on any node (issue 18). A session's coordinating node makes an ephemeral key pair and publishes its
-- certificate here; custodians' shares are stored only sealed to it (CMS, like every sealed share); the private key
-- lives in that node's memory only. A retired key's sealed shares are deleted: its custodians release again.
create table opening_node (
    node_id      uuid primary key,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null
);

create table opening_session_key (
    key_id      uuid primary key,
    lot_id      uuid        not null references opening_session (lot_id),
    node_id     uuid        not null,
    certificate bytea       not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);
create unique index opening_session_key_current on opening_session_key (lot_id) where retired_at is null;

create table sealed_share_release (
    key_id      uuid        not null references opening_session_key (key_id),
    idx         integer     not null,
    lot_id      uuid        not null,
    envelope    bytea       not null,
    released_at timestamptz not null,
    primary key (key_id, idx)
);

-- Decryption runs as a clustered job: the session records when it began (the stored status still waits for shares).
alter table opening_session add column decryption_started_at timestamptz;
