package io.passerine.login.internal;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Set;

/**
 * Issue 17: a session that ends (timeout, invalidation) while it still holds tokens and no stored grant has them
 * revokes them at X ({@link StoredGrants#sessionEnded}), so no refresh token stays valid at X unused for months.
 * Registered at startup in applications that use the X login (those with {@code passerine.login.redirect-uri}).
 */
public final class GrantSessionEnd implements ServletContainerInitializer, HttpSessionListener {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        if (LoginConfigured.redirectUri(ctx).isPresent()) {
            ctx.addListener(this);
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        Object held;
        try {
            held = se.getSession().getAttribute(LoginAttribute.ATTRIBUTE);
        } catch (IllegalStateException e) {
            return;
        }
        if (held instanceof SessionLogin st && st.peek() != null) {
            StoredGrants grants = GrantBeans.current();
            if (grants != null) {
                grants.sessionEnded(st);
            }
        }
    }
}
