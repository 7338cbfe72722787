-- How each supervision log entry's canonical JSON was written (org.sunbid.supervision.LogEncoding): the entries
-- already stored were written with encoding 1 (backspace and form feed as \b and \f); entries written from now on use
-- encoding 2 (the platform's one JSON writer: \u0008 and \u000c). Verification recomputes each leaf by its own rule.
alter table supervision_entry add column encoding smallint not null default 1;
alter table supervision_entry alter column encoding set default 2;
alter table supervision_entry add constraint supervision_entry_encoding_known check (encoding in (1, 2));
