/** Bid evaluation (评标): committee session, compliance review, machine pre-check, signed score sheets, ranking, report. */
package org.sunbid.evaluation;
