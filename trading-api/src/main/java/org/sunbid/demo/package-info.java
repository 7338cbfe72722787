/**
 * The demo tender: with demo data on, one test project runs its whole life in minutes (publication, sealed bids by demo
 * bidders made as bidtool makes them, deadline, the opening job, custodians' shares, the opening record) so a newcomer
 * can watch a real opening in the hall.
 */
package org.sunbid.demo;
