package org.sunbid.deposit;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * A bidder's virtual sub-account (虚拟子账号) for one lot: the centre's 6-digit prefix, 12 digits derived from the lot
 * and member, and two ISO 7064 MOD 97-10 check digits, so that the whole number read as an integer is 1 mod 97.
 * A mistyped digit or swapped pair is caught before any money is matched. Derivation in docs/deposits.md.
 */
public record VirtualAccountNumber(String value) {

    public VirtualAccountNumber {
        if (value == null || !value.matches("\\d{20}")) {
            throw new IllegalArgumentException("A virtual account number has 20 digits");
        }
        if (mod97(value) != 1) {
            throw new IllegalArgumentException("Virtual account number check digits do not match");
        }
    }

    /** Whether {@code text} is a well-formed number with matching check digits. */
    public static boolean isValid(String text) {
        return text != null && text.matches("\\d{20}") && mod97(text) == 1;
    }

    /**
     * The number for {@code lot} and {@code member}; {@code attempt} is 0 unless a collision with another pair
     * forced a further derivation. Body = first 12 decimal digits of SHA-256(prefix ‖ lot ‖ member ‖ attempt) read
     * as an unsigned integer modulo 10^12; check = 98 − (prefix ‖ body ‖ "00" mod 97).
     */
    public static VirtualAccountNumber derive(String prefix, UUID lot, UUID member, int attempt) {
        if (prefix == null || !prefix.matches("\\d{6}")) {
            throw new IllegalArgumentException("The virtual account prefix has 6 digits");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha.update(ByteBuffer.allocate(36).putLong(lot.getMostSignificantBits()).putLong(lot.getLeastSignificantBits())
                    .putLong(member.getMostSignificantBits()).putLong(member.getLeastSignificantBits()).putInt(attempt)
                    .array());
            BigInteger digest = new BigInteger(1, sha.digest());
            String body = "%012d".formatted(digest.mod(BigInteger.TEN.pow(12)));
            int check = 98 - mod97(prefix + body + "00");
            return new VirtualAccountNumber(prefix + body + "%02d".formatted(check));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int mod97(String digits) {
        int r = 0;
        for (int i = 0; i < digits.length(); i++) {
            r = (r * 10 + (digits.charAt(i) - '0')) % 97;
        }
        return r;
    }

    @Override
    public String toString() {
        return value;
    }
}
