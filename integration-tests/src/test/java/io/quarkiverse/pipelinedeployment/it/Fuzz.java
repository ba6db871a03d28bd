package io.quarkiverse.pipelinedeployment.it;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Invoke bodies for the abuse suite's fuzzing: mutations of a valid body, wrong types, extreme numbers and strings,
 * deep nesting, broken UTF-8 and random bytes, from a seeded {@link Random} so that a failure can be replayed.
 */
final class Fuzz {

    private static final String VALID = "{\"parameters\": {\"features\": [0.1, 0.2, 0.7], \"threshold\": 0.5}, "
            + "\"run_name\": \"fuzz\", \"timeout\": 10}";
    private static final String[] VALUES = { "null", "true", "false", "0", "-0", "1e400", "-1e400", "NaN",
            "1.7976931348623157E309", "123456789012345678901234567890", "\"\"", "\"x\"", "[]", "{}", "[null]",
            "[1, \"a\", {}]", "\"\\u0000\"", "\"\\ud800\"", "[1e-400]", "{\"features\": []}" };

    private static final String SPECIALS = "{}[]\",:0\\ ";

    private Fuzz() {
    }

    static byte[] body(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> mutate(VALID, random).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("{\"parameters\": {\"features\": " + value(random) + ", \"threshold\": " + value(random) + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"parameters\": " + value(random) + ", \"run_name\": " + value(random) + ", \"timeout\": "
                    + value(random) + "}").getBytes(StandardCharsets.UTF_8);
            case 3 -> nested(random.nextInt(3000) + 1, random.nextBoolean()).getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"parameters\": {\"features\": [0.1], \"" + "k".repeat(random.nextInt(5000)) + "\": 1}, "
                    + "\"run_name\": \"" + "n".repeat(random.nextInt(20_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 5 -> randomBytes(random);
            case 6 -> brokenUtf8(random);
            case 7 -> value(random).getBytes(StandardCharsets.UTF_8);
            default -> ("{\"parameters\": {\"features\": [" + numbers(random) + "]}, \"parameters\": {}}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String value(Random random) {
        return VALUES[random.nextInt(VALUES.length)];
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(5);
        for (int i = 0; i < edits && b.length() > 0; i++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, (char) (32 + random.nextInt(95)));
                default -> b.setCharAt(at, SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            }
        }
        return b.toString();
    }

    private static String nested(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return "{\"parameters\": {\"features\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}}";
    }

    private static String numbers(Random random) {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(50);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
        }
        return b.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] brokenUtf8(Random random) {
        byte[] prefix = "{\"parameters\": {\"features\": [1]}, \"run_name\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) (0x80 + random.nextInt(64));
        bytes[prefix.length + 1] = (byte) 0xff;
        bytes[prefix.length + 2] = '"';
        bytes[prefix.length + 3] = '}';
        return bytes;
    }
}
