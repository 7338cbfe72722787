-- A plan group may prefer a region (a division-code prefix): its eligible experts of that region are drawn first, the
-- others only for the places they cannot fill (docs/expert-draw.md). Null: no preference.
alter table expert_plan_group add column preferred_region varchar(6) check (preferred_region ~ '^[1-9][0-9]{1,5}$');
