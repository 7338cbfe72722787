/** Scheduler: acts on time, once, across nodes and restarts (clustered Quartz on PostgreSQL); knows no domain. */
package org.sunbid.scheduler;
