package org.sunbid.notice;

import java.util.Objects;
import java.util.UUID;

/** Identifies a published notice (公告/公示), its clarifications and corrections included. */
public record NoticeId(UUID value) {

    public NoticeId {
        Objects.requireNonNull(value, "NoticeId value");
    }

    public static NoticeId of(UUID value) {
        return new NoticeId(value);
    }

    /** Parses the canonical UUID form; a malformed value is an {@link IllegalArgumentException}. */
    public static NoticeId parse(String text) {
        return new NoticeId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
