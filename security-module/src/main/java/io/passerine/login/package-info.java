/**
 * Logging users in with X (OAuth 2.0 authorization code with PKCE, RFC 6749 §4.1, RFC 7636). Entry points:
 * {@link io.passerine.login.XLoginMechanismDefinition} turns the login on; inject
 * {@link io.passerine.login.CurrentUser} for the logged-in user and their access token;
 * {@link io.passerine.login.UserBearerFilter} calls X as that user; {@link io.passerine.login.RequiresScopes} and
 * {@link io.passerine.login.StepUp} ask for more scopes; {@link io.passerine.login.SavedForm} keeps a form across a
 * login; {@link io.passerine.login.LoginErrorAttributes} names what an application error page receives. Settings:
 * {@code passerine.login.*}.
 */
package io.passerine.login;
