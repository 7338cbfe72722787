/** CMS SignedData (RFC 5652): streaming attached and detached signatures and their verification with typed outcomes. */
package org.sunbid.signing.cms;
