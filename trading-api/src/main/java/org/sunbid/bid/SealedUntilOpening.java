package org.sunbid.bid;


import org.sunbid.platform.id.LotId;
import org.sunbid.signing.keys.SigningKey;

/**
 * Something another feature sealed to a lot's opening certificate (for example the supervision log's identifying
 * details) and may read only once the custodians have rebuilt the opening key. The opening hands the rebuilt key to
 * every implementation, in its transaction, before it forgets the key; implementations must not keep it.
 */
public interface SealedUntilOpening {

    void openingKeyRebuilt(LotId lot, SigningKey openingKey);
}
