package io.passerine.login.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal RFC 6901 JSON pointer over the {@code Map}/{@code List} tree Nimbus' {@code JSONObjectUtils} returns:
 * {@code ""} is the whole document, {@code /a/b/0} walks members and array indexes, {@code ~1} is {@code /} and
 * {@code ~0} is {@code ~} (§4: {@code ~1} first, then {@code ~0}).
 */
final class JsonPointer {

    private JsonPointer() {
    }

    /** The value at {@code pointer}, if the document has one. */
    public static Optional<Object> get(Object document, String pointer) {
        if (pointer.isEmpty()) {
            return Optional.ofNullable(document);
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("A JSON pointer starts with / (RFC 6901 §3)");
        }
        Object node = document;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof Map<?, ?> map) {
                node = map.get(token);
            } else if (node instanceof List<?> list && token.matches("0|[1-9][0-9]{0,8}")) {
                int i = Integer.parseInt(token);
                node = i < list.size() ? list.get(i) : null;
            } else {
                return Optional.empty();
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /** The value at {@code pointer} as text when it is a non-blank string or a number. */
    public static Optional<String> text(Object document, String pointer) {
        return get(document, pointer)
                .filter(v -> v instanceof String || v instanceof Number)
                .map(String::valueOf)
                .filter(s -> !s.isBlank());
    }
}
