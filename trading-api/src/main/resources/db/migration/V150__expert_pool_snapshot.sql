-- The pool of each lot's draw, frozen once the bid deadline has passed: the published pool file
-- (sunbid-expert-pool/1, named in every draw record by its SHA-256) and, line for line, the facts the avoidance
-- needs that the file does not publish (employer code, qualification).
create table expert_pool (
    lot_id    uuid        primary key,
    as_of     timestamptz not null,
    sha256    char(64)    not null,
    size      int         not null check (size >= 0),
    content   bytea       not null,
    facts     bytea       not null,
    frozen_at timestamptz not null
);

