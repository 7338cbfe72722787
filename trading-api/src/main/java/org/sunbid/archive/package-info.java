/** Archive packages (统一交易资料保存): a signed, timestamped, offline-verifiable ZIP per project, kept immutable for its retention period. */
package org.sunbid.archive;
