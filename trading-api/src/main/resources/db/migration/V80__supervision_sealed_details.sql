-- Sealed details of supervision log entries (issue 13): entries about a lot's bids and document downloads are logged
-- when they happen, but who/where (account, IP, device, file hash, the event's fields) stays sealed until the lot's
-- opening. The entry's leaf commits to SHA-256(salt || revealed) (the commitment, inside its details); the envelope
-- is CMS EnvelopedData of salt || revealed to the opening certificates of the lots, so the platform cannot read it
-- until the custodians rebuild an opening key. At the opening the plaintext is stored beside it (revealed, salt).
create table supervision_sealed (
    seq         bigint      primary key references supervision_entry (seq),
    lots        uuid[]      not null,
    commitment  bytea       not null,
    envelope    bytea,
    revealed    text,
    salt        bytea,
    revealed_at timestamptz
);
create index supervision_sealed_unrevealed_idx on supervision_sealed using gin (lots) where revealed is null;

-- Only the reveal may change a row, once; nothing is ever deleted.
create function supervision_sealed_reveal_only() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or old.revealed is not null or new.seq <> old.seq or new.lots <> old.lots
            or new.commitment <> old.commitment or new.envelope is distinct from old.envelope then
        raise exception 'supervision_sealed: only one reveal per entry may change a row (% refused)', tg_op;
    end if;
    return new;
end $$;
create trigger supervision_sealed_reveal_only before update or delete on supervision_sealed
    for each row execute function supervision_sealed_reveal_only();
create trigger supervision_sealed_no_truncate before truncate on supervision_sealed
    for each statement execute function supervision_refuse_change();
