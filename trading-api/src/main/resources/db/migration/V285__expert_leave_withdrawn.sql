-- An expert may withdraw a leave period it declared; the row is kept (a draw run earlier read it) and marked.
alter table expert_leave add column withdrawn_at timestamptz;
