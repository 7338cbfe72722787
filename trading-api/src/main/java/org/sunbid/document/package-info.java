/** Platform documents: Chinese PDFs rendered from data, signed with PAdES B-T and the centre's electronic seal, and public verification of signed PDFs and archive packages. */
package org.sunbid.document;
