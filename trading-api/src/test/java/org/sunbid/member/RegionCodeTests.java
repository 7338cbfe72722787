package org.sunbid.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTests {

    @Test
    void knowsEveryProvinceAndNamesTabledDistricts() {
        assertThat(RegionCode.table().keySet().stream().filter(c -> c.endsWith("0000"))).hasSize(34);
        assertThat(new RegionCode("110108").name()).contains("北京市海淀区");
        assertThat(new RegionCode("110108").province().name()).contains("北京市");
    }

    @Test
    void acceptsAnUntabledDistrictOfAKnownProvinceWithoutAName() {
        assertThat(new RegionCode("110199").name()).isEmpty();
    }

    @Test
    void refusesUnknownProvincesAndMalformedCodes() {
        assertThatThrownBy(() -> new RegionCode("990101")).hasMessage("member.region.province");
        assertThatThrownBy(() -> new RegionCode("11010")).hasMessage("member.region.format");
        assertThatThrownBy(() -> new RegionCode("11010A")).hasMessage("member.region.format");
        assertThatThrownBy(() -> new RegionCode("")).hasMessage("member.region.required");
    }
}
