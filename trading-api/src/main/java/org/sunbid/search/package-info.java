/** Public full-text search over published notices: one port, an embedded Lucene and an Elasticsearch adapter. */
package org.sunbid.search;
