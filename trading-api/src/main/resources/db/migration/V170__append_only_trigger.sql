-- One trigger function for every append-only table. The supervision log (V10, V80) and the deposit journal (V110)
-- each had their own copy of the same function; both now use this one, and the copies are dropped. The tables stay
-- append-only: UPDATE and DELETE are refused row by row, TRUNCATE by statement, with SQLSTATE 42501.
create function append_only_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

drop trigger supervision_entry_append_only on supervision_entry;
drop trigger supervision_entry_no_truncate on supervision_entry;
drop trigger supervision_tree_head_append_only on supervision_tree_head;
drop trigger supervision_tree_head_no_truncate on supervision_tree_head;
drop trigger supervision_sealed_no_truncate on supervision_sealed;
drop trigger deposit_txn_append_only on deposit_txn;
drop trigger deposit_txn_no_truncate on deposit_txn;
drop trigger deposit_line_append_only on deposit_line;
drop trigger deposit_line_no_truncate on deposit_line;
drop function supervision_refuse_change();
drop function deposit_refuse_change();

create trigger supervision_entry_append_only before update or delete on supervision_entry
    for each row execute function append_only_refuse_change();
create trigger supervision_entry_no_truncate before truncate on supervision_entry
    for each statement execute function append_only_refuse_change();
create trigger supervision_tree_head_append_only before update or delete on supervision_tree_head
    for each row execute function append_only_refuse_change();
create trigger supervision_tree_head_no_truncate before truncate on supervision_tree_head
    for each statement execute function append_only_refuse_change();
create trigger supervision_sealed_no_truncate before truncate on supervision_sealed
    for each statement execute function append_only_refuse_change();
create trigger deposit_txn_append_only before update or delete on deposit_txn
    for each row execute function append_only_refuse_change();
create trigger deposit_txn_no_truncate before truncate on deposit_txn
    for each statement execute function append_only_refuse_change();
create trigger deposit_line_append_only before update or delete on deposit_line
    for each row execute function append_only_refuse_change();
create trigger deposit_line_no_truncate before truncate on deposit_line
    for each statement execute function append_only_refuse_change();
