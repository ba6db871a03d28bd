package io.quarkiverse.pipelinedeployment.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The fast formats give the same text as the JDK's, across seconds, dates and nanosecond precisions.
 */
public class FastFormatsTest {

    static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss_SSSSSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void sameTextAsTheJdk() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long second = 946_684_800L + (long) (random.nextDouble() * 4_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            // Consecutive instants often share their second, as requests do
            Instant instant = Instant.ofEpochSecond(i % 3 == 0 ? second : second - second % 7, nanos);
            assertThat(FastFormats.iso(instant)).isEqualTo(instant.toString());
            assertThat(FastFormats.runNameTime(instant)).isEqualTo(RUN_NAME.format(instant));
        }
    }

    @Test
    void randomVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        int[] ones = new int[128];
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            String text = FastFormats.randomUuid();
            UUID uuid = UUID.fromString(text);
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) (uuid.getMostSignificantBits() >>> bit) & 1;
                ones[64 + bit] += (int) (uuid.getLeastSignificantBits() >>> bit) & 1;
            }
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(seen.add(text)).isTrue();
        }
        // The 122 random bits (all but the version's 4 and the variant's 2) are each set about half the time
        for (int bit = 0; bit < 128; bit++) {
            boolean fixed = bit >= 12 && bit < 16 || bit >= 64 + 62;
            if (!fixed) {
                assertThat(ones[bit]).as("bit %d", bit).isBetween(n * 47 / 100, n * 53 / 100);
            }
        }
    }
}
