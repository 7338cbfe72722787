package org.sunbid.evaluation;

import org.sunbid.platform.id.BidId;

/** One finding of the machine pre-check (清标), shown to the committee before scoring and kept in the report. */
public record PreCheckFinding(BidId bid, Kind kind, String detail) {

    /** What the machine found. */
    public enum Kind {
        /** 算术性错误: the itemised prices do not add up to the total. */
        ARITHMETIC_MISMATCH("分项报价合计与投标总价不符"),
        /** 缺项漏项: an item the tender documents require is not priced. */
        MISSING_ITEM("缺项漏项"),
        /** 低于成本嫌疑: price more than the configured percentage under the mean of the bids. */
        BELOW_COST("报价明显低于其他投标报价"),
        /** 围标串标预警: raised by the collusion alerts. */
        COLLUSION_ALERT("围标串标预警");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
