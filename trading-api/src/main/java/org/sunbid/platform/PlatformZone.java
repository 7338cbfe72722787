package org.sunbid.platform;

import java.time.ZoneId;

/** The one time zone in which the platform shows and reasons about dates (China Standard Time); storage stays in Instant. */
public final class PlatformZone {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformZone() {
    }
}
