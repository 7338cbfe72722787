-- The tenderee's recent awards as the collusion alerts see them (winner rotation): recorded when an award notice is
-- published, with every bidder of the lot.
create table alert_award_history (
    lot_id       uuid primary key,
    project_id   uuid         not null,
    tenderee_id  uuid         not null,
    lot_name     varchar(300) not null,
    winner       uuid         not null,
    bidders      uuid[]       not null,
    awarded_at   timestamptz  not null
);
create index alert_award_history_tenderee_idx on alert_award_history (tenderee_id, awarded_at desc);
