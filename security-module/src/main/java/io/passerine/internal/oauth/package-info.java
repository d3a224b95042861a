/** Implementation; not API, may change without notice. */
package io.passerine.internal.oauth;
