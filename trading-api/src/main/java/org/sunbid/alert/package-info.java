/** Collusion alerts (围标串标预警): signals computed on every opened lot, and the regulator's workflow over them. */
package org.sunbid.alert;
