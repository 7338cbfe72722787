-- A tenderee representative who declares a conflict at the evaluation leaves the seat (vacated, with the reason) and
-- the tenderee names a substitute into it (issue 15); whoever declared a conflict on a lot is never named to it again.
-- A representative named only by name may be given the member account of the same person later (before the
-- evaluation starts), so that they check in and vote online.
alter table expert_plan_representative add column vacated_at timestamptz, add column vacated_reason varchar(500);

create table expert_representative_recusal (
    lot_id      uuid         not null references expert_plan (lot_id) on delete cascade,
    member_id   uuid         not null,
    position    int          not null,
    name        varchar(100) not null,
    reason      varchar(500) not null,
    declared_at timestamptz  not null,
    primary key (lot_id, member_id)
);
