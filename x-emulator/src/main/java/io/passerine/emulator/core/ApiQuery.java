package io.passerine.emulator.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an API request's query parameters as X does, collecting every problem into one 400 invalid-request:
 * a parameter the endpoint does not take, a repeated parameter, a malformed or missing tweet id, a field or
 * expansion X does not know. The value lists are X's own (as its 400 answers enumerate them), so a client asking
 * for any field X knows is accepted, even one the emulator has no data for (X leaves such fields out too).
 */
public final class ApiQuery {

    private static final List<String> TWEET_FIELDS = List.of("article", "attachments", "author_id", "card_uri",
            "community_id", "context_annotations", "conversation_id", "created_at", "display_text_range",
            "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id", "in_reply_to_user_id", "lang",
            "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive",
            "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes", "source",
            "suggested_source_links", "suggested_source_links_with_counts", "text", "withheld");
    private static final List<String> USER_FIELDS = List.of("affiliation", "connection_status", "created_at",
            "description", "entities", "id", "is_identity_verified", "location", "most_recent_tweet_id", "name",
            "parody", "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected", "public_metrics",
            "receives_your_dm", "subscription", "subscription_type", "url", "username", "verified",
            "verified_followers_count", "verified_type", "withheld");
    private static final List<String> MEDIA_FIELDS = List.of("alt_text", "duration_ms", "height", "media_key",
            "non_public_metrics", "organic_metrics", "preview_image_url", "promoted_metrics", "public_metrics",
            "type", "url", "variants", "width");
    private static final List<String> POLL_FIELDS = List.of("duration_minutes", "end_datetime", "id", "options",
            "voting_status");
    private static final List<String> PLACE_FIELDS = List.of("contained_within", "country", "country_code",
            "full_name", "geo", "id", "name", "place_type");
    private static final List<String> TWEET_EXPANSIONS = List.of("article.cover_media", "article.media_entities",
            "attachments.media_keys", "attachments.media_source_tweet", "attachments.poll_ids", "author_id",
            "edit_history_tweet_ids", "entities.mentions.username", "entities.note.mentions.username",
            "geo.place_id", "in_reply_to_user_id", "referenced_tweets.id",
            "referenced_tweets.id.attachments.media_keys", "referenced_tweets.id.author_id");
    private static final List<String> USER_EXPANSIONS = List.of("affiliation.user_id", "most_recent_tweet_id",
            "pinned_tweet_id");
    private static final Pattern TWEET_ID = Pattern.compile("[0-9]{1,19}");
    private static final int MAX_IDS = 100;

    /** The endpoints that take fields, with their parameters in the order X lists them. */
    public enum Endpoint {
        TWEETS("ids", "expansions", "tweet.fields", "media.fields", "poll.fields", "place.fields", "user.fields"),
        TWEET("id", "expansions", "tweet.fields", "media.fields", "poll.fields", "place.fields", "user.fields"),
        USERS_ME("expansions", "tweet.fields", "user.fields");

        private final List<String> parameters;

        Endpoint(String... parameters) {
            this.parameters = List.of(parameters);
        }
    }

    /** A request's fields and tweet ids (none for {@code /2/users/me}), or the 400 it gets when {@code error} is set. */
    public record Checked(Fields fields, List<String> ids, Reply error) {
    }

    private ApiQuery() {
    }

    /**
     * Checks {@code query} (each parameter with every value sent) for {@code endpoint}; {@code pathId} is the
     * {@code :id} of {@code GET /2/tweets/:id}, else null. A 400 names every problem at once, as X's does.
     */
    public static Checked check(Endpoint endpoint, Map<String, List<String>> query, String pathId) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> p : query.entrySet()) {
            if (!endpoint.parameters.contains(p.getKey()) || "id".equals(p.getKey())) {
                errors.add(Problems.parameterError(p.getKey(), p.getValue(), "The query parameter [" + p.getKey()
                        + "] is not one of [" + String.join(",", endpoint.parameters) + "]"));
            } else if (p.getValue().size() > 1) {
                errors.add(Problems.parameterError(p.getKey(), p.getValue(),
                        "Duplicate parameters are not allowed: the `" + p.getKey() + "` query parameter"));
            }
        }
        List<String> ids = switch (endpoint) {
            case TWEETS -> ids(query.get("ids"), errors);
            case TWEET -> id(pathId, errors);
            case USERS_ME -> List.of();
        };
        boolean tweets = endpoint != Endpoint.USERS_ME;
        Fields fields = new Fields(values(query, "tweet.fields", TWEET_FIELDS, errors),
                values(query, "user.fields", USER_FIELDS, errors),
                values(query, "expansions", tweets ? TWEET_EXPANSIONS : USER_EXPANSIONS, errors));
        if (tweets) {
            values(query, "media.fields", MEDIA_FIELDS, errors);
            values(query, "poll.fields", POLL_FIELDS, errors);
            values(query, "place.fields", PLACE_FIELDS, errors);
        }
        return new Checked(fields, ids, errors.isEmpty() ? null : Problems.invalidRequest(errors));
    }

    private static List<String> ids(List<String> sent, List<Map<String, Object>> errors) {
        String raw = sent == null || sent.isEmpty() ? "" : sent.get(0);
        List<String> ids = raw.isEmpty() ? List.of() : List.of(raw.split(",", -1));
        if (ids.isEmpty()) {
            errors.add(Problems.parameterError("ids", List.of(), "The `ids` query parameter can not be empty"));
        } else if (ids.size() > MAX_IDS) {
            errors.add(Problems.parameterError("ids", List.of(raw), "The number of values in the `ids` query"
                    + " parameter list [" + ids.size() + "] is not between 1 and " + MAX_IDS));
        } else {
            ids.stream().filter(id -> !TWEET_ID.matcher(id).matches()).findFirst().ifPresent(bad -> errors.add(
                    Problems.parameterError("ids", List.of(raw), "The `ids` query parameter value [" + bad
                            + "] is not valid")));
        }
        return ids;
    }

    private static List<String> id(String id, List<Map<String, Object>> errors) {
        if (id == null || !TWEET_ID.matcher(id).matches()) {
            errors.add(Problems.parameterError("id", List.of(String.valueOf(id)), "The `id` query parameter value ["
                    + id + "] is not valid"));
        }
        return id == null ? List.of() : List.of(id);
    }

    /** The comma-separated values of {@code name}, each checked against {@code known}. */
    private static Set<String> values(Map<String, List<String>> query, String name, List<String> known,
                                      List<Map<String, Object>> errors) {
        List<String> sent = query.get(name);
        if (sent == null || sent.isEmpty()) {
            return Set.of();
        }
        Set<String> values = new LinkedHashSet<>(List.of(sent.get(0).split(",", -1)));
        values.stream().filter(v -> !known.contains(v)).findFirst().ifPresent(bad -> errors.add(
                Problems.parameterError(name, List.of(sent.get(0)), "The `" + name + "` query parameter value ["
                        + bad + "] is not one of [" + String.join(",", known) + "]")));
        return values;
    }
}
