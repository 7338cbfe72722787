/** Information publishing (信息发布): immutable notices with permalinks, feeds, a changes cursor and OCDS open data. */
package org.sunbid.notice;
