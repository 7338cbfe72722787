package org.sunbid.deposit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The centre's deposit collection account and files, under {@code sunbid.deposit}.
 *
 * @param accountPrefix       6-digit prefix of every virtual sub-account number
 * @param collectionAccount   the centre's deposit collection account; statements for any other account are refused
 * @param accountName         the collection account's holder, shown to bidders and written as debtor in pain.001
 * @param bankName            the bank of the collection account
 * @param bankBic             the bank's BIC, for pain.001 (debtor agent)
 * @param maxStatementBytes   largest statement accepted (uploads and folder pick-up)
 * @param inbox               folder the pick-up job reads statements from (relative to the data directory)
 * @param outbox              folder refund batches (pain.001) are written to for the bank
 * @param refundDays          statutory days to refund (5)
 */
@ConfigurationProperties("sunbid.deposit")
public record DepositProperties(@DefaultValue("955880") String accountPrefix,
        @DefaultValue("31050161360009001888") String collectionAccount,
        @DefaultValue("阳光招采公共资源交易中心保证金专户") String accountName,
        @DefaultValue("中国建设银行杭州分行") String bankName, @DefaultValue("PCBCCNBJZJX") String bankBic,
        @DefaultValue("268435456") long maxStatementBytes, @DefaultValue("bank/inbox") Path inbox,
        @DefaultValue("bank/outbox") Path outbox, @DefaultValue("5") int refundDays) {
}
