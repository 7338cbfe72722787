/** Complaints (投诉, 实施条例 arts. 60–62): statutory deadlines of filing, acceptance and decision on the working calendar. */
package org.sunbid.complaint;
