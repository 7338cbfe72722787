-- Project intake (项目进场), joint review (会审监督), objections and document downloads.

-- Classification codes (品目), held as data; a project's codes must exist here.
create table classification_code (
    code    varchar(20)  primary key,
    name_zh varchar(100) not null,
    name_en varchar(100) not null
);
insert into classification_code (code, name_zh, name_en) values
 ('A',        '货物',           'Goods'),
 ('A02',      '通用设备',       'General equipment'),
 ('A0201',    '计算机设备及软件', 'Computers and software'),
 ('A0202',    '办公设备',       'Office equipment'),
 ('A05',      '家具用具',       'Furniture'),
 ('B',        '工程',           'Works'),
 ('B01',      '房屋建筑工程',   'Building construction'),
 ('B02',      '市政工程',       'Municipal works'),
 ('B0201',    '道路工程',       'Road works'),
 ('B0202',    '给排水工程',     'Water supply and drainage'),
 ('B03',      '水利工程',       'Water conservancy'),
 ('C',        '服务',           'Services'),
 ('C01',      '信息技术服务',   'IT services'),
 ('C02',      '物业管理服务',   'Property management'),
 ('C03',      '工程咨询服务',   'Engineering consultancy'),
 ('D',        '产权及资源',     'Rights and resources'),
 ('D01',      '土地使用权',     'Land-use rights'),
 ('D02',      '矿业权',         'Mining rights'),
 ('D03',      '国有产权',       'State property');

create sequence project_transaction_seq;

create table project (
    id                    uuid primary key,
    transaction_code      varchar(40)   not null unique,
    name                  varchar(200)  not null,
    type                  varchar(30)   not null,
    procedure             varchar(30)   not null,
    estimated_value       numeric(18,2) not null check (estimated_value >= 0),
    funding_source        varchar(200)  not null,
    approval_reference    varchar(200)  not null,
    region_code           varchar(6)    not null,
    classification_codes  varchar(20)[] not null,
    tenderee_member_id    uuid          not null,
    tenderee_name         varchar(200)  not null,
    agency_member_id      uuid,
    agency_name           varchar(200),
    registered_by         uuid          not null,
    evaluation_method     varchar(40)   not null,
    documents_on_sale_from timestamptz  not null,
    documents_on_sale_until timestamptz not null,
    bid_deadline          timestamptz   not null,
    opening_at            timestamptz   not null,
    opening_place         varchar(200)  not null,
    status                varchar(20)   not null,
    return_reason         varchar(1000),
    published_at          timestamptz,
    created_at            timestamptz   not null,
    updated_at            timestamptz   not null,
    constraint project_type_known check (type in ('CONSTRUCTION','GOVERNMENT_PROCUREMENT','LAND_USE_RIGHTS','MINING_RIGHTS','STATE_PROPERTY')),
    constraint project_status_known check (status in ('DRAFT','SUBMITTED','RETURNED','ACCEPTED','PUBLISHED','TERMINATED')),
    constraint project_opening_after_deadline check (opening_at >= bid_deadline)
);
create index project_member_idx on project (tenderee_member_id);
create index project_agency_idx on project (agency_member_id);
create index project_status_idx on project (status);

create table project_lot (
    id                       uuid primary key,
    project_id               uuid          not null references project (id),
    lot_no                   integer       not null,
    name                     varchar(200)  not null,
    estimate                 numeric(18,2) not null check (estimate >= 0),
    deposit                  numeric(18,2) not null check (deposit >= 0),
    confidential_reference_price numeric(18,2),
    unique (project_id, lot_no)
);

-- The items under joint review, each revision kept: ANNOUNCEMENT (text) and TENDER_DOCUMENTS (a stored file).
create table review_item_version (
    project_id   uuid         not null references project (id),
    item         varchar(20)  not null check (item in ('ANNOUNCEMENT','TENDER_DOCUMENTS')),
    version      integer      not null,
    body         text,
    file_sha256  char(64),
    file_name    varchar(255),
    file_size    bigint,
    content_type varchar(100),
    created_by   uuid         not null,
    created_at   timestamptz  not null,
    primary key (project_id, item, version)
);

create table review_opinion (
    id            bigserial primary key,
    project_id    uuid         not null,
    item          varchar(20)  not null,
    version       integer      not null,
    reviewer_id   uuid         not null,
    reviewer_role varchar(20)  not null,
    decision      varchar(10)  not null check (decision in ('APPROVED','RETURNED')),
    comment       varchar(4000),
    decided_at    timestamptz  not null,
    foreign key (project_id, item, version) references review_item_version (project_id, item, version),
    unique (project_id, item, version, reviewer_role)
);

create table project_objection (
    id          uuid primary key,
    project_id  uuid          not null references project (id),
    filed_by    uuid          not null,
    text        varchar(4000) not null,
    filed_at    timestamptz   not null,
    answer_due  timestamptz   not null,
    answer      varchar(4000),
    answered_at timestamptz
);
create index project_objection_open_idx on project_objection (project_id) where answered_at is null;

create table document_download (
    id          bigserial primary key,
    project_id  uuid         not null references project (id),
    member_id   uuid         not null,
    downloaded_at timestamptz not null
);
create index document_download_project_idx on document_download (project_id);

-- Database refuses edits of kept versions and opinions.
create function review_history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'review history is append-only';
end $$;
create trigger review_item_version_append_only before update or delete on review_item_version
    for each row execute function review_history_is_append_only();
create trigger review_opinion_append_only before update or delete on review_opinion
    for each row execute function review_history_is_append_only();
