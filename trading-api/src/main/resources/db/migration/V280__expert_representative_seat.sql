-- A tenderee representative on an evaluation committee sits in a seat of its own (issue 15): optionally the member
-- account of a person of the tenderee's organisation (who then takes part in the evaluation with their own login);
-- without one, the seat is the named person's alone (its id derived from the lot and the representative's position).
alter table expert_plan_representative add column member_id uuid;
