/**
 * Calling X's API with a bearer token (RFC 6750): the token value {@link io.passerine.api.BearerToken} that both the
 * app-only client and the logged-in user hand out, the JAX-RS client filter base {@link io.passerine.api.BearerFilter}
 * (429/5xx policy, rate-limit headers), the last-seen rate limits ({@link io.passerine.api.RateLimits}, injectable)
 * and {@link io.passerine.api.RateLimitedException}.
 */
package io.passerine.api;
