-- Crash-safe completion and the one deadline (issue 13).
-- A bid's row commits before its sealed file is moved into place: file_placed says the move is done, so a restart (or
-- the bidder's retried completion) finishes it. Rows from before this change were placed inside their transaction.
alter table bid add column file_placed boolean not null default true;
-- The instant of the last byte, kept as evidence; received_at is now the completion (the moment the bid exists).
alter table bid add column last_byte_at timestamptz;
-- An upload not completed by the deadline expires; its partial file is deleted.
alter table bid_upload add column expired_at timestamptz;
create index bid_unfinished_idx on bid (id) where not file_placed or receipt_document is null;
