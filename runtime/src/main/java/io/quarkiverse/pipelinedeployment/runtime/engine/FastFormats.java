package io.quarkiverse.pipelinedeployment.runtime.engine;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The per-invocation strings of the envelope, made without {@code DateTimeFormatter} or a shared
 * {@code SecureRandom} on the request path: the date and time part of a timestamp is formatted once per second and
 * reused.
 */
final class FastFormats {

    /** The second last formatted, and its two forms: {@code 2026_11_29-23_44_42_} and {@code 2026-11-29T23:44:42}. */
    private record Second(long epochSecond, String runName, String iso) {
    }

    private static volatile Second last = second(0);

    private static final ThreadLocal<RandomBytes> RANDOM = ThreadLocal.withInitial(RandomBytes::new);

    private FastFormats() {
    }

    private static Second second(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        String date = pad(t.getYear(), 4) + "_" + pad(t.getMonthValue(), 2) + "_" + pad(t.getDayOfMonth(), 2);
        String time = pad(t.getHour(), 2) + "_" + pad(t.getMinute(), 2) + "_" + pad(t.getSecond(), 2);
        String runName = date + "-" + time + "_";
        String iso = date.replace('_', '-') + "T" + time.replace('_', ':');
        return new Second(epochSecond, runName, iso);
    }

    private static Second at(long epochSecond) {
        Second s = last;
        if (s.epochSecond != epochSecond) {
            s = second(epochSecond);
            last = s;
        }
        return s;
    }

    /** {@code yyyy_MM_dd-HH_mm_ss_SSSSSS} in UTC, the seed framework's run-name suffix. */
    static String runNameTime(Instant instant) {
        Second s = at(instant.getEpochSecond());
        return s.runName + pad(instant.getNano() / 1000, 6);
    }

    /** The same text as {@link Instant#toString()}. */
    static String iso(Instant instant) {
        Second s = at(instant.getEpochSecond());
        int nanos = instant.getNano();
        if (nanos == 0) {
            return s.iso + "Z";
        }
        StringBuilder sb = new StringBuilder(s.iso.length() + 11).append(s.iso).append('.');
        if (nanos % 1_000_000 == 0) {
            sb.append(pad(nanos / 1_000_000, 3));
        } else if (nanos % 1000 == 0) {
            sb.append(pad(nanos / 1000, 6));
        } else {
            sb.append(pad(nanos, 9));
        }
        return sb.append('Z').toString();
    }

    /**
     * A random (version 4) UUID from a cryptographically strong source: when auth is off, a run's id is what grants
     * access to it. Each thread has its own DRBG generator (seeded by the operating system), so ids are made without
     * the lock of a shared {@code SecureRandom}; it is asked for the bytes of {@value RandomBytes#IDS} ids at once,
     * since most of what a DRBG call costs is the call, not the bytes (about 340 ns for one id, 30 ns each for 128).
     */
    static String randomUuid() {
        RandomBytes random = RANDOM.get();
        long msb = random.nextLong();
        long lsb = random.nextLong();
        msb = (msb & ~0xF000L) | 0x4000L;
        lsb = (lsb & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }

    /** One thread's DRBG and the bytes it gave that are not used yet. */
    private static final class RandomBytes {
        static final int IDS = 128;
        private final SecureRandom random = newRandom();
        private final byte[] bytes = new byte[IDS * 16];
        private int next = bytes.length;

        long nextLong() {
            if (next == bytes.length) {
                random.nextBytes(bytes);
                next = 0;
            }
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (bytes[next + i] & 0xff);
            }
            next += 8;
            return value;
        }
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
