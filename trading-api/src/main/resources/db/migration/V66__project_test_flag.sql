-- A test project (the demo tender, end-to-end tests): its statutory periods run through the scheduler's time accelerator.
alter table project add column test_project boolean not null default false;
