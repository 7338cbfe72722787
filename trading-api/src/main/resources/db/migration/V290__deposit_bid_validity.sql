-- The bid validity period (投标有效期) of a project, in days from the bid deadline, as its tender documents set it.
-- Recorded by staff before the deadline; an electronic guarantee must stay valid at least that long. Without a row
-- the configured default (sunbid.deposit.bid-validity-days) applies.
create table deposit_bid_validity (
    project_id uuid        primary key,
    days       int         not null check (days between 1 and 365),
    set_by     uuid        not null,
    set_at     timestamptz not null
);
