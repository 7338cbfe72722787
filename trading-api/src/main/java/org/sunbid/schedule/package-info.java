/** Time scheduling (统一时间安排): rooms, bookings, the working-day calendar, and the wiring of the clustered scheduler. */
package org.sunbid.schedule;
