package io.quarkiverse.pipelinedeployment.runtime.engine;

/**
 * Client-supplied strings (a {@code run_name}, a header) made safe to log: a client cannot forge log lines, colour a
 * terminal or flood the log through them.
 */
final class ClientText {

    /** The most characters of a client string that are logged. */
    static final int MAX_LOGGED = 200;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ClientText() {
    }

    /**
     * {@code text} with line breaks, tabs and backslashes escaped as in Java ({@code \n}, {@code \r}, {@code \t},
     * {@code \\}), every other control, line-separator or bidirectional-formatting character as {@code \\uXXXX},
     * and cut after {@value #MAX_LOGGED} characters, marked by {@code ...}.
     */
    static String forLog(String text) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), MAX_LOGGED);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape != null || out != null) {
                if (out == null) {
                    out = new StringBuilder(end + 16).append(text, 0, i);
                }
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        if (end == text.length()) {
            return out == null ? text : out.toString();
        }
        return (out == null ? text.substring(0, end) : out.toString()) + "...";
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\";
            default:
                if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
                    return new String(new char[] { '\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xf], HEX[(c >> 4) & 0xf],
                            HEX[c & 0xf] });
                }
                return null;
        }
    }
}
