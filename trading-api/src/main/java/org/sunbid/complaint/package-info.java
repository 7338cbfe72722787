/** Complaints (投诉, 实施条例 arts. 60–62): signed filing after an objection, acceptance, suspension, paused deadlines, signed decision. */
package org.sunbid.complaint;
