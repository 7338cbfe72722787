-- Archive packages (统一交易资料保存): immutable; a row cannot be removed before its retention period ends.
create table archive_package (
    id              uuid primary key,
    project_id      uuid         not null,
    project_code    varchar(64)  not null,
    title           varchar(300) not null,
    project_type    varchar(40)  not null,
    tenderee        varchar(300) not null,
    reason          varchar(20)  not null check (reason in ('COMPLETED', 'FAILED', 'TERMINATED', 'ON_DEMAND')),
    completed_at    timestamptz  not null,
    created_at      timestamptz  not null,
    created_by      uuid,
    retention_until timestamptz  not null,
    documents       integer      not null,
    size            bigint       not null,
    zip_sha256      char(64)     not null,
    manifest_sha256 char(64)     not null,
    file            varchar(200) not null
);
create index archive_package_project_idx on archive_package (project_id);
create index archive_package_completed_idx on archive_package (completed_at);

create function archive_package_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and old.retention_until <= now() then
        return old;
    end if;
    raise exception 'archive packages are immutable until their retention ends (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end $$;
create trigger archive_package_guard before update or delete on archive_package
    for each row execute function archive_package_guard();
create function archive_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'archive tables cannot be truncated' using errcode = 'insufficient_privilege';
end $$;
create trigger archive_package_no_truncate before truncate on archive_package
    for each statement execute function archive_no_truncate();

-- Every read of a package (append-only).
create table archive_access (
    id         bigserial primary key,
    package_id uuid        not null references archive_package (id),
    account_id uuid        not null,
    role       varchar(20) not null,
    at         timestamptz not null
);
create trigger archive_access_no_change before update or delete on archive_access
    for each row execute function signed_document_immutable();
