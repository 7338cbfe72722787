-- Firing history of the scheduler module: one row per (kind, subject, due time). The unique key deduplicates
-- firings: a handler runs only while its row is PENDING or RETRYING, in the same transaction that marks it FIRED.
CREATE TABLE scheduler_firing
(
    id            BIGSERIAL PRIMARY KEY,
    kind          VARCHAR(100) NOT NULL,
    subject       VARCHAR(200) NOT NULL,
    due_at        TIMESTAMPTZ  NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'FIRED', 'FAILED', 'CANCELLED')),
    attempts      INTEGER      NOT NULL DEFAULT 0,
    scheduled_at  TIMESTAMPTZ  NOT NULL,
    fired_at      TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    lateness_ms   BIGINT,
    node          VARCHAR(200),
    last_error    VARCHAR(2000),
    CONSTRAINT scheduler_firing_once UNIQUE (kind, subject, due_at)
);

CREATE INDEX scheduler_firing_status ON scheduler_firing (status, due_at);
CREATE INDEX scheduler_firing_subject ON scheduler_firing (kind, subject);
