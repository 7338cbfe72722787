/** The bid opening (开标): the session and its hall, custodians' share release, per-bid decryption, self-decryption, the opening record and objections. */
package org.sunbid.opening;
