package org.sunbid.notice;

import java.time.Instant;
import java.util.UUID;

/** A notice was published (once; a repeated publish raises no second event). */
public record NoticePublished(UUID noticeId, String publicId, NoticeKind kind, UUID projectId, Instant publishedAt) {
}
