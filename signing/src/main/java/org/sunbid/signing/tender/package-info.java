/** The bidder's tender files as bidtool makes them: the tender package (bid form + PDFs) and the signed submission manifest. */
package org.sunbid.signing.tender;
