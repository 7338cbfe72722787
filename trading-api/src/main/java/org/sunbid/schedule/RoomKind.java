package org.sunbid.schedule;

/** What a room is for. */
public enum RoomKind {
    /** 开标厅: bid openings on site. */
    OPENING_HALL,
    /** 评标室: evaluation by experts, often on an isolated network. */
    EVALUATION_ROOM,
    /** 虚拟开标室: remote (不见面) openings. */
    VIRTUAL;

    public boolean hosts(BookingPurpose purpose) {
        return switch (purpose) {
            case OPENING -> this == OPENING_HALL || this == VIRTUAL;
            case EVALUATION -> this == EVALUATION_ROOM;
        };
    }
}
