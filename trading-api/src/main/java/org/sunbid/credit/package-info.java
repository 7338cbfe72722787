/** Credit review (统一资信审查): good and bad behaviour records, a derived score, bans, and the check every gate calls. */
package org.sunbid.credit;
