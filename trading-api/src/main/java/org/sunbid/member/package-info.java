/** Member registry (统一会员入库): companies, agencies and experts register, bind certificates and are reviewed by staff. */
package org.sunbid.member;
