package io.passerine.login.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Set;

/**
 * The name Passerine 0.1 gave {@link SessionLogin}, kept only so that a session serialized by 0.1 (persisted, or
 * replicated before an upgrade) still restores: the same serialVersionUID, fields and sealed tokens, resolved to a
 * {@link SessionLogin} when read. Never written.
 */
final class SessionTokens implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private UserInfo user;
    private Set<String> appGroups;
    private transient GrantedTokens tokens;

    private SessionTokens() {
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        tokens = SessionLogin.open(in.readObject());
    }

    @Serial
    private Object readResolve() {
        return new SessionLogin(user, tokens, appGroups == null ? Set.of() : appGroups);
    }
}
