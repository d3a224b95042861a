/**
 * App-only access to X's API (OAuth 2.0 client credentials, RFC 6749 §4.4): inject
 * {@link io.passerine.apponly.AppOnlyTokenClient} (qualified with {@link io.passerine.apponly.AppOnly} for a named
 * client), or register {@link io.passerine.apponly.AppOnlyBearerFilter} on a JAX-RS or MicroProfile Rest Client.
 * Settings: {@code passerine.app-only.*}.
 */
package io.passerine.apponly;
