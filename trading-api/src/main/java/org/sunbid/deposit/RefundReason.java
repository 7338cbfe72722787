package org.sunbid.deposit;

/**
 * Why a deposit is refunded; each cause has its statutory period and says whether interest is owed (see
 * {@code RefundPolicy} and docs/deposits.md for the articles).
 */
public enum RefundReason {
    /** 投标截止前撤回: refunded within 5 days of the written withdrawal (实施条例 art. 35), principal only. */
    WITHDRAWN_BEFORE_DEADLINE,
    /** 未中标: works — within 5 days after the contract is signed (art. 57); procurement — 5 working days after the award notice. */
    NOT_AWARDED,
    /** 中标人: within 5 days (works) or 5 working days (procurement) after the contract is signed. */
    CONTRACT_SIGNED,
    /** 流标 / 终止招标: refunded promptly with interest (art. 31); Sunbid gives it 5 days. */
    TENDER_FAILED
}
