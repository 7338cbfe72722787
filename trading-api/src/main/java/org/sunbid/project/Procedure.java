package org.sunbid.project;

/** The procurement procedure; statutory periods are configured per procedure. */
public enum Procedure {
    OPEN("公开招标"),
    INVITED("邀请招标"),
    COMPETITIVE_NEGOTIATION("竞争性谈判"),
    COMPETITIVE_CONSULTATION("竞争性磋商"),
    INQUIRY("询价"),
    SINGLE_SOURCE("单一来源"),
    AUCTION("拍卖"),
    LISTING("挂牌");

    private final String label;

    Procedure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
