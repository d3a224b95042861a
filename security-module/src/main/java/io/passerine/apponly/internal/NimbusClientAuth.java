package io.passerine.apponly.internal;

import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.passerine.internal.config.AppOnlySettings;

/** The app's API key and secret as Nimbus HTTP Basic client authentication. */
final class NimbusClientAuth {

    private NimbusClientAuth() {
    }

    static ClientSecretBasic basic(AppOnlySettings settings) {
        return new ClientSecretBasic(new ClientID(settings.apiKey()), new Secret(settings.apiSecret().reveal()));
    }
}
