-- Electronic guarantees (电子保函): a trust list of issuer certificates kept by staff, and the guarantees bidders
-- upload as CMS-signed JSON. A guarantee (issuer + number, and its signed bytes) secures at most one bidder's deposit
-- for one lot. See docs/deposits.md, "Electronic guarantees".
create table deposit_guarantee_issuer (
    id          uuid         primary key,
    name        varchar(200) not null,
    fingerprint char(64)     not null unique,
    certificate bytea        not null,
    added_by    uuid         not null,
    added_at    timestamptz  not null,
    removed_by  uuid,
    removed_at  timestamptz
);

create table deposit_guarantee (
    id                uuid          primary key,
    issuer_id         uuid          not null references deposit_guarantee_issuer (id),
    guarantee_no      varchar(64)   not null,
    project_id        uuid          not null,
    lot_id            uuid          not null,
    member_id         uuid          not null,
    amount            numeric(17,2) not null check (amount > 0),
    valid_until       date          not null,
    signer_subject    varchar(400)  not null,
    content_sha256    char(64)      not null unique,
    document          bytea         not null,
    state             varchar(20)   not null,
    accepted_at       timestamptz   not null,
    claim_document_id uuid,
    claimed_at        timestamptz,
    unique (issuer_id, guarantee_no)
);
-- one guarantee in force per bidder and lot
create unique index deposit_guarantee_in_force on deposit_guarantee (lot_id, member_id) where state = 'ACCEPTED';
