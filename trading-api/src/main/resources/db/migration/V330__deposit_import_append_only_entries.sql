-- Statement import at scale (docs/deposits.md, "Import at scale"): bank entries and imported statements become
-- append-only, and the two foreign keys the import checked once per entry are dropped in their favour.
--
-- deposit_bank_entry.statement_id -> deposit_statement and deposit_suspense.bank_ref -> deposit_bank_entry cost one
-- trigger-queued check (an index probe and a row lock) per imported entry; the import writes the statement row first
-- and then every entry and suspense item from it in the same transaction, and with no row of either referenced table
-- ever deleted (refused below), a reference can no longer dangle. A bank entry is a fact the bank reported: nothing
-- updates it; the statement row keeps its one update at the end of its own import (counts and reconciliation).
alter table deposit_bank_entry drop constraint deposit_bank_entry_statement_id_fkey;
alter table deposit_suspense drop constraint deposit_suspense_bank_ref_fkey;

create trigger deposit_bank_entry_append_only before update or delete on deposit_bank_entry
    for each row execute function append_only_refuse_change();
create trigger deposit_bank_entry_no_truncate before truncate on deposit_bank_entry
    for each statement execute function append_only_refuse_change();
create trigger deposit_statement_no_delete before delete on deposit_statement
    for each row execute function append_only_refuse_change();
create trigger deposit_statement_no_truncate before truncate on deposit_statement
    for each statement execute function append_only_refuse_change();
