/** Oversight (监管统计): read-only figures for regulators, gathered from the other features' public services. */
package org.sunbid.oversight;
