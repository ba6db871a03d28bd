package io.quarkiverse.pipelinedeployment.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fills the bundled HTML templates once at startup: {@code {{name}}} is replaced by the HTML-escaped value.
 */
public final class Templates {

    private Templates() {
    }

    public static String fill(String resource, Map<String, String> values) {
        return fill(resource, values, Map.of());
    }

    /**
     * @param raw values inserted as they are, for content that is not HTML text (JSON in a script element); the
     *        caller makes them safe there
     */
    public static String fill(String resource, Map<String, String> values, Map<String, String> raw) {
        String text;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled template " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", escape(e.getValue()));
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            text = text.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return text;
    }

    /** JSON made safe inside a {@code <script>} element: no {@code </script>}, no HTML specials. */
    public static String scriptSafeJson(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** HTML escaping for text and attribute values. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
