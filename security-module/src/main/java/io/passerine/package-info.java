/**
 * Passerine: X (Twitter) OAuth 2.0 for Jakarta EE 10. This package holds the two exceptions every part of the
 * library throws: {@link io.passerine.ProviderException} (the provider failed or refused; its
 * {@link io.passerine.ProviderException.Failure} says how) and {@link io.passerine.ConfigurationException} (a
 * {@code passerine.*} key is missing or malformed; the message names the key, never its value).
 *
 * <p>The user packages are {@link io.passerine.login} (log users in with X), {@link io.passerine.apponly} (app-only
 * tokens) and {@link io.passerine.api} (calling X's API with either token). Packages named {@code internal} are not
 * API.
 */
package io.passerine;
