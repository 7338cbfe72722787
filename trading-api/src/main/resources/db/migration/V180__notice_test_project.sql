-- Notices of test projects are marked (issue 19): public lists, feeds and search leave them out unless asked for.
alter table notice add column test_project boolean not null default false;

-- Notices published before this column: the flag follows the project (their text stays as published).
alter table notice disable trigger notice_immutable;
update notice n set test_project = true from project p where p.id = n.project_id and p.test_project;
alter table notice enable trigger notice_immutable;
