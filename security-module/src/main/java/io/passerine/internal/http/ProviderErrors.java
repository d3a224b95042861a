package io.passerine.internal.http;

import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import java.util.List;
import java.util.Map;

/**
 * Reads the error a provider sent, in any of X's shapes: OAuth 2.0 ({@code error}, {@code error_description},
 * RFC 6749 §5.2), X API v1.1 ({@code errors[0].code/message}, only {@code /oauth2/token} and
 * {@code /oauth2/invalidate_token} still send it) and X API v2 problem objects ({@code type/title/detail}, with the
 * invalid parameters in {@code errors[].message}).
 * Provider text is shortened and stripped of control, bidi and format characters ({@link #clean}); callers must
 * still HTML-escape it.
 */
public final class ProviderErrors {

    private static final int MAX_TEXT = 200;
    /** Where X's v2 problem types live (X still sends the twitter.com host; newer docs show x.com). */
    private static final List<String> PROBLEM_TYPES = List.of("https://api.twitter.com/2/problems/",
            "https://api.x.com/2/problems/");

    private ProviderErrors() {
    }

    /**
     * The provider's error code, or null: OAuth {@code error}, X's numeric v1.1 {@code errors[0].code}, or the name
     * of X's v2 problem type ({@code unsupported-authentication}, {@code usage-capped}, ...; none for X's generic
     * {@code about:blank} problems, whose HTTP status says it all).
     */
    public static String code(HTTPResponse response) {
        Map<String, Object> json = json(response);
        if (json == null) {
            return null;
        }
        if (json.get("error") instanceof String s) {
            return clean(s);
        }
        Map<String, Object> first = firstError(json);
        if (first != null && first.get("code") != null) {
            return clean(String.valueOf(first.get("code")));
        }
        if (json.get("type") instanceof String type) {
            return PROBLEM_TYPES.stream().filter(type::startsWith).findFirst()
                    .map(prefix -> clean(type.substring(prefix.length()))).orElse(null);
        }
        return null;
    }

    /** A one-line description: status plus the provider's own words, if any. */
    public static String describe(HTTPResponse response) {
        StringBuilder sb = new StringBuilder("HTTP ").append(response.getStatusCode());
        Map<String, Object> json = json(response);
        if (json == null) {
            String type = response.getHeaderValue("Content-Type");
            return sb.append(type == null ? "" : " (" + clean(type) + " body)").toString();
        }
        String code = code(response);
        if (code != null) {
            sb.append(' ').append(code);
        }
        String text = text(json);
        if (text != null) {
            sb.append(": ").append(text);
        }
        return sb.toString();
    }

    private static String text(Map<String, Object> json) {
        if (json.get("error_description") instanceof String s) {
            return clean(s);
        }
        Map<String, Object> first = firstError(json);
        if (first != null && first.get("message") instanceof String s) {
            return clean(s);
        }
        if (json.get("detail") instanceof String s) {
            return clean(s);
        }
        return json.get("title") instanceof String s ? clean(s) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstError(Map<String, Object> json) {
        if (json.get("errors") instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return null;
    }

    private static Map<String, Object> json(HTTPResponse response) {
        String body = response.getBody();
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            return JSONObjectUtils.parse(body);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            return null;
        }
    }

    /**
     * One line of at most 200 code points (cut at a code point, never inside a surrogate pair), still to be
     * HTML-escaped by callers: control characters (C0, DEL, C1) and line/paragraph separators (U+2028/2029) become
     * spaces; bidi and invisible format controls are removed (U+202A–202E embeddings and overrides, U+2066–2069
     * isolates, U+200E/200F marks, U+061C Arabic letter mark, U+FEFF), as are unpaired surrogates: a provider's
     * words can neither forge log lines nor reorder what a reader sees ("Trojan Source", CVE-2021-42574).
     */
    public static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_TEXT * 2));
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (hidden(cp) || type == Character.SURROGATE) {
                continue;
            }
            sb.appendCodePoint(type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR ? ' ' : cp);
        }
        String oneLine = sb.toString().strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= MAX_TEXT) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, MAX_TEXT)) + "…";
    }

    /** Bidi and invisible format controls that reorder or hide text. */
    private static boolean hidden(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    }
}
