-- The supervision log (统一电子监察监控): one append-only list of every state change and security event.
-- Each row is a leaf of an RFC 9162 Merkle tree; leaf_hash = SHA-256(0x00 || canonical leaf bytes).
-- details holds the exact canonical JSON whose SHA-256 is details_sha256 (kept as text, not jsonb,
-- so the bytes that were hashed are the bytes that are stored).
create table supervision_entry (
    seq                bigint       primary key,
    at                 timestamptz  not null,
    actor              varchar(80)  not null,
    actor_role         varchar(20),
    action             varchar(120) not null,
    subject            varchar(80),
    details            text         not null,
    details_sha256     bytea        not null,
    client_ip          varchar(64),
    device_fingerprint varchar(200),
    leaf_hash          bytea        not null,
    constraint supervision_entry_seq_positive check (seq >= 0)
);
create index supervision_entry_subject_idx on supervision_entry (subject, seq);
create index supervision_entry_actor_idx on supervision_entry (actor, seq);
create index supervision_entry_action_idx on supervision_entry (action, seq);
create index supervision_entry_at_idx on supervision_entry (at);

-- Signed tree heads: size, root, time, ECDSA signature by the platform document signer over the canonical
-- tree-head bytes, and an RFC 3161 timestamp token over the same bytes when a TSA is available.
create table supervision_tree_head (
    tree_size       bigint       primary key,
    root_hash       bytea        not null,
    issued_at       timestamptz  not null,
    signed_bytes    bytea        not null,
    signature       bytea        not null,
    signature_alg   varchar(40)  not null,
    key_certificate bytea        not null,
    timestamp_token bytea
);

-- Append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on both tables.
create function supervision_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'supervision log is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger supervision_entry_append_only before update or delete on supervision_entry
    for each row execute function supervision_refuse_change();
create trigger supervision_entry_no_truncate before truncate on supervision_entry
    for each statement execute function supervision_refuse_change();
create trigger supervision_tree_head_append_only before update or delete on supervision_tree_head
    for each row execute function supervision_refuse_change();
create trigger supervision_tree_head_no_truncate before truncate on supervision_tree_head
    for each statement execute function supervision_refuse_change();

-- Where the application connects as a role that does not own these tables, also run (see trading-api/README.md):
--   revoke update, delete, truncate on supervision_entry, supervision_tree_head from <app_role>;
