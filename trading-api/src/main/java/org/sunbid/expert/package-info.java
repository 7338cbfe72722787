/** Expert library and the replayable random draw of evaluation committees (统一专家抽取). */
package org.sunbid.expert;
