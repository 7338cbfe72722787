package org.sunbid.schedule.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.sunbid.schedule.Booking;
import org.sunbid.schedule.Room;

/** Writes a room's bookings as an iCalendar feed (RFC 5545): CRLF lines folded at 75 octets, escaped text, UTC times. */
public final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    public static String feed(Room room, List<Booking> bookings, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Sunbid//Schedule//ZH");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(room.name()));
        line(out, "X-WR-TIMEZONE:Asia/Shanghai");
        String location = room.location() == null ? room.name() : room.name() + ", " + room.location();
        for (Booking b : bookings) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + b.id() + "@sunbid.org");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(b.startsAt()));
            line(out, "DTEND:" + UTC.format(b.endsAt()));
            line(out, "SUMMARY:" + text(b.title()));
            line(out, "LOCATION:" + text(location));
            line(out, "CATEGORIES:" + b.purpose().name());
            line(out, "STATUS:CONFIRMED");
            line(out, "TRANSP:OPAQUE");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT value escaping (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so no physical line exceeds 75 octets, never inside a UTF-8 character. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
