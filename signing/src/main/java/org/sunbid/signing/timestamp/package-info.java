/** RFC 3161 time-stamping: a time-stamping authority, its request/response codec, and token verification. */
package org.sunbid.signing.timestamp;
