package io.passerine.login.internal;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The application's own groups for an X caller, from its {@link IdentityStore}s that only provide groups
 * ({@code validationTypes()} = {@code PROVIDE_GROUPS} without {@code VALIDATE}), asked in {@code priority()} order —
 * the group step of Soteria's {@code DefaultIdentityStoreHandler}, with X as the store that validated the caller.
 * Each store gets a {@link CredentialValidationResult} with store id {@value #STORE_ID}, the caller principal (X's
 * user id by default), X's user id as caller unique id, and the groups known so far (scopes and default groups).
 *
 * <p>Why not {@code IdentityStoreHandler.validate(credential)}: X already authenticated the caller; a credential would
 * have to be validated by a store of Passerine's own, and the application's validating stores (a database store for
 * its FORM login, say) would be run on X callers too.
 */
final class GroupSource implements AppGroups {

    /** The {@code identityStoreId} of the results the stores are given. */
    static final String STORE_ID = "passerine-x";
    /** No stores: no extra groups. */
    public static final GroupSource NONE = new GroupSource(List.of());

    private final List<IdentityStore> stores;

    /** @param candidates every identity store bean of the application; the group-only ones are kept, by priority */
    GroupSource(Iterable<IdentityStore> candidates) {
        List<IdentityStore> kept = new ArrayList<>();
        for (IdentityStore s : candidates) {
            Set<ValidationType> types = s.validationTypes();
            if (types != null && types.contains(ValidationType.PROVIDE_GROUPS)
                    && !types.contains(ValidationType.VALIDATE)) {
                kept.add(s);
            }
        }
        kept.sort(Comparator.comparingInt(IdentityStore::priority));
        this.stores = List.copyOf(kept);
    }

    /** Whether any store will be asked. */
    public boolean isEmpty() {
        return stores.isEmpty();
    }

    /**
     * The groups the stores give {@code user}, besides {@code known} (which they are shown); never null. A store that
     * throws fails the login (roles that cannot be decided must not silently be left out).
     */
    @Override
    public Set<String> groupsOf(UserInfo user, Set<String> known) {
        if (stores.isEmpty()) {
            return Set.of();
        }
        CredentialValidationResult caller = new CredentialValidationResult(STORE_ID,
                new CallerPrincipal(user.principal()), null, user.id(), known);
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityStore store : stores) {
            Set<String> more = store.getCallerGroups(caller);
            if (more != null) {
                more.stream().filter(g -> g != null && !g.isBlank()).forEach(groups::add);
            }
        }
        return Set.copyOf(groups);
    }
}
