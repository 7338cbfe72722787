/** Identities, login (password and certificate challenge), JWT tokens and roles. */
package org.sunbid.identity;
