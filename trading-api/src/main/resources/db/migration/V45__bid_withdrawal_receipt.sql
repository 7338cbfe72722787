-- 撤回回执: a withdrawal gets a receipt like a submission: the bidder's signed withdrawal, the platform-signed
-- statement, an RFC 3161 token over the SHA-256 of the bidder's signed withdrawal, and the signed PDF's id.
create table bid_withdrawal (
    bid_id             uuid primary key,
    signed_withdrawal  bytea       not null,
    statement          text        not null,
    signature          bytea       not null,
    timestamp_token    bytea       not null,
    receipt_document   uuid,
    withdrawn_at       timestamptz not null
);
