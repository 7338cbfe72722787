/**
 * Bean Validation constraints for the registry's codes ({@code @Uscc}, {@code @ResidentId}, {@code @RegionCode}), for
 * request records of any feature. Each delegates to the member value record that owns the rule.
 */
@org.springframework.modulith.NamedInterface("validation")
package org.sunbid.member.validation;
