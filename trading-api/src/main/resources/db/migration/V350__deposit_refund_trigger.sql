-- Refund triggers written with the act that triggers them (issue 18, docs/reliability.md "Database connections").
--
-- A bid withdrawn or submitted, a failed lot, an award notice and a signed contract each trigger refund work in the
-- deposit feature. That work ran after the act's commit on the request thread, in a transaction of its own, while the
-- committed transaction's connection was still bound to the thread: every such request needed two pooled connections
-- at once, and a rush with as many busy threads as connections deadlocked the pool. Now the trigger is a row written
-- in the act's own transaction, and a worker on each node (one at a time, under an advisory lock, oldest first) does
-- the work and deletes the row in one transaction: no request thread holds two connections, and a node dying after
-- the act's commit leaves the row for the next worker. A row whose work failed keeps the error for staff.
create table deposit_refund_trigger (
    id       bigserial primary key,
    kind     varchar(32) not null,
    lot      uuid not null,
    member   uuid,
    at       timestamptz not null,
    failed   varchar(1000)
);

create index deposit_refund_trigger_waiting on deposit_refund_trigger (id) where failed is null;
