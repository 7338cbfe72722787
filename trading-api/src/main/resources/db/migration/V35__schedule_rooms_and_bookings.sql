-- Rooms (opening halls, evaluation rooms, virtual rooms for remote openings) and their bookings.
CREATE TABLE schedule_room
(
    id               UUID PRIMARY KEY,
    name             VARCHAR(100) NOT NULL,
    kind             VARCHAR(20)  NOT NULL CHECK (kind IN ('OPENING_HALL', 'EVALUATION_ROOM', 'VIRTUAL')),
    capacity         INTEGER      NOT NULL CHECK (capacity >= 0),
    equipment        TEXT[]       NOT NULL DEFAULT '{}',
    isolated_network BOOLEAN      NOT NULL DEFAULT FALSE,
    location         VARCHAR(200),
    active           BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE UNIQUE INDEX schedule_room_name ON schedule_room (lower(name)) WHERE active;

CREATE TABLE schedule_booking
(
    id           UUID PRIMARY KEY,
    room_id      UUID         NOT NULL REFERENCES schedule_room (id),
    lot_id       UUID         NOT NULL,
    project_id   UUID,
    purpose      VARCHAR(20)  NOT NULL CHECK (purpose IN ('OPENING', 'EVALUATION')),
    title        VARCHAR(200) NOT NULL,
    starts_at    TIMESTAMPTZ  NOT NULL,
    ends_at      TIMESTAMPTZ  NOT NULL,
    staff_id     UUID,
    created_by   UUID         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    cancelled_at TIMESTAMPTZ,
    CONSTRAINT schedule_booking_order CHECK (ends_at > starts_at)
);

CREATE INDEX schedule_booking_room_time ON schedule_booking (room_id, starts_at) WHERE cancelled_at IS NULL;
CREATE INDEX schedule_booking_lot ON schedule_booking (lot_id) WHERE cancelled_at IS NULL;
CREATE INDEX schedule_booking_staff ON schedule_booking (staff_id, starts_at) WHERE cancelled_at IS NULL;
