/** Platform kernel shared by every feature: configuration, clock, database, problem responses, blob store. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sunbid.platform;
