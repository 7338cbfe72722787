-- Clarification requests of an evaluation committee to a bidder (澄清, 招标投标法实施条例 art. 52): the question, its
-- deadline, and the bidder's signed answer. Visible to the committee and the addressed bidder only.
create table evaluation_clarification (
    id               uuid        primary key,
    lot_id           uuid        not null,
    bid_id           uuid        not null,
    bidder_id        uuid        not null,
    asked_by         uuid        not null,
    question         text        not null,
    asked_at         timestamptz not null,
    answer_due       timestamptz not null,
    answer_content   text,
    answer_text      text,
    answer_signature bytea,
    answer_sha256    char(64),
    answered_at      timestamptz,
    check ((answered_at is null) = (answer_content is null))
);
create index evaluation_clarification_lot on evaluation_clarification (lot_id, asked_at);
