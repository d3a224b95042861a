package io.passerine.sample;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * An EJB that reads public tweets as the app: the app-only bearer token comes from the injected
 * {@link io.passerine.apponly.AppOnlyTokenClient} behind {@link XApi}.
 */
@Stateless
public class TweetService {

    @Inject
    XApi api;

    public XApi.Answer tweets(String ids) {
        return api.tweetsAsApp(ids);
    }
}
