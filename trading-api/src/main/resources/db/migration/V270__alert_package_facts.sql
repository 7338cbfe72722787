-- Each opened package's extracted facts (file hashes, PDF metadata and text), kept so that PDFBox reads a bid's
-- technical documents once: later runs of the collusion signals inflate these bytes instead. Derived from the
-- decrypted package, so a row may exist only for a bid whose decryption ended opened (or self-decrypted): before
-- the opening there is nothing to cache, and the trigger refuses a row for a bid still sealed.

create table alert_package_facts (
    bid_id         uuid primary key references bid (id),
    package_sha256 char(64)    not null,
    facts          bytea       not null,
    extracted_at   timestamptz not null
);

create function alert_package_facts_only_when_opened() returns trigger language plpgsql as $$
begin
    if not exists (select 1 from opening_progress p
                   where p.bid_id = new.bid_id and p.stage in ('OPENED', 'SELF_DECRYPTED')) then
        raise exception 'bid % is not opened: its text may not be extracted', new.bid_id;
    end if;
    return new;
end $$;
create trigger alert_package_facts_opened before insert or update on alert_package_facts
    for each row execute function alert_package_facts_only_when_opened();
