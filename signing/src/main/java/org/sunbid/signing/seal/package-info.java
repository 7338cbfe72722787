/** Sealing: CMS AuthEnvelopedData (AES-256-GCM) and EnvelopedData (AES-256-CBC, SM4-CBC) to any number of recipients, streamed. */
package org.sunbid.signing.seal;
