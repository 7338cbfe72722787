-- Published notices (信息发布): never changed once written; a correction is a new row linked by corrects_id.
create sequence notice_public_seq;

create table notice (
    id                   uuid primary key,
    public_id            varchar(30)   not null unique,
    seq                  bigserial     not null unique,
    idempotency_key      varchar(200)  not null unique,
    kind                 varchar(30)   not null,
    project_id           uuid          not null,
    transaction_code     varchar(40)   not null,
    project_name         varchar(200)  not null,
    project_type         varchar(30)   not null,
    procedure            varchar(30)   not null,
    title                varchar(300)  not null,
    body                 text          not null,
    region_code          varchar(6)    not null,
    classification_codes varchar(20)[] not null,
    amount               numeric(18,2),
    tenderee             varchar(200)  not null,
    agency               varchar(200),
    winner               varchar(200),
    bid_deadline         timestamptz,
    opening_at           timestamptz,
    lots                 jsonb         not null,
    corrects_id          uuid references notice (id),
    published_at         timestamptz   not null,
    constraint notice_kind_known check (kind in ('TENDER_ANNOUNCEMENT','CLARIFICATION','OPENING_RECORD','CANDIDATE_PUBLICITY','AWARD','FAILED_TENDER','TERMINATION'))
);
create index notice_project_idx on notice (project_id, seq);
create index notice_kind_region_idx on notice (kind, region_code, seq);

create function notice_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'published notices never change';
end $$;
create trigger notice_immutable before update or delete on notice
    for each row execute function notice_is_immutable();
