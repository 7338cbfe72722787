/**
 * The demo tender: with demo data on, one test project runs its whole life in minutes (publication, sealed bids by demo
 * bidders made as bidtool makes them, deadline, the opening job, custodians' shares, the opening record, the expert
 * draw, the evaluation by demo experts with signed sheets and report, publicity, the award notice and the contract)
 * so a newcomer can watch a real tender from the hall to the award.
 */
package org.sunbid.demo;
