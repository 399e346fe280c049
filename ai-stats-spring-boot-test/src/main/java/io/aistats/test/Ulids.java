package io.aistats.test;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Generates the gateway's ids: {@code G-} followed by a 26-character ULID in upper-case Crockford base32. Ids made
 * in the same millisecond still sort in creation order.
 */
final class Ulids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecureRandom random = new SecureRandom();

    private long lastMillis = -1;

    private final byte[] lastRandom = new byte[10];

    /**
     * @param now the time encoded in the id
     * @return a fresh id such as {@code G-01KDVDGQGGQ7M3R8X2VN5T9HBC}
     */
    synchronized String next(Instant now) {
        long millis = Math.max(now.toEpochMilli(), 0);
        if (millis <= this.lastMillis) {
            millis = this.lastMillis;
            increment(this.lastRandom);
        }
        else {
            this.random.nextBytes(this.lastRandom);
            this.lastRandom[0] &= 0x7F; // leaves room to increment within one millisecond
        }
        this.lastMillis = millis;
        return "G-" + encode(millis, this.lastRandom);
    }

    private static void increment(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (++bytes[i] != 0) {
                return;
            }
        }
    }

    private static String encode(long millis, byte[] randomness) {
        char[] out = new char[26];
        // 48-bit time in 10 characters (the top two bits of the first character are always zero)
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 bits of randomness in 16 characters
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (randomness[i] & 0xFF);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (randomness[i] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
