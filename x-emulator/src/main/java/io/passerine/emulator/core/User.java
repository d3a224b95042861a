package io.passerine.emulator.core;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** An X user as {@code /2/users/me} shows it. The id is derived from the username, so it is stable across runs. */
public record User(String id, String name, String username) {

    /** X's username rule: 1 to 15 letters, digits or underscores. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]{1,15}");

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    /** The user of that username; {@code XDevelopers} is X's documented example user. */
    public static User of(String username) {
        if ("xdevelopers".equalsIgnoreCase(username)) {
            return new User("2244994945", "X Dev", "XDevelopers");
        }
        CRC32 crc = new CRC32();
        crc.update(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        long id = 1_000_000_000_000_000_000L + crc.getValue();
        return new User(Long.toString(id), username, username);
    }
}
