/** Award (定标): candidates' publicity and objections, the award decision, notice and letters, contract, completion. */
package org.sunbid.award;
