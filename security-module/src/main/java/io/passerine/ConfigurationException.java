package io.passerine;

/**
 * A configuration key is missing, blank or malformed. The message names the key and what is wrong with it, never the
 * value (the value may be a secret).
 */
public final class ConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The offending key; never its value. */
    private final String key;

    /**
     * @param key     the configuration key, e.g. {@code passerine.login.client-id}
     * @param problem what is wrong with it, e.g. {@code "is missing"}; must not contain the value
     */
    public ConfigurationException(String key, String problem) {
        super("Passerine configuration key '" + key + "' " + problem
                + " (set it in META-INF/microprofile-config.properties, a system property, or the environment variable "
                + envName(key) + ")");
        this.key = key;
    }

    /** {@return the offending configuration key} */
    public String key() {
        return key;
    }

    /** The environment variable MicroProfile Config maps to {@code key} (its rule 3: upper case, non-alphanumerics to _). */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
