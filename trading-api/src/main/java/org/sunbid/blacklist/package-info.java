/**
 * The public blacklist (失信名单公示): credit's bans in force and published bad records, with the party's registered
 * name from the member registry. Read-only; it joins two features that may not call each other (member depends on
 * credit) without touching either one's tables.
 */
package org.sunbid.blacklist;
