package io.passerine.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sample's own roles, the Jakarta way: an identity store that only provides groups. Passerine asks it once per X
 * login with the caller (principal = X's user id); it grants {@code admin} to the X user ids listed in
 * {@code sample.admins} (an application would read its own database here). Default: the emulator's user
 * {@code XDevelopers}, id 2244994945.
 */
@ApplicationScoped
public class SampleAdmins implements IdentityStore {

    @Inject
    @ConfigProperty(name = "sample.admins", defaultValue = "")
    String admins;

    private Set<String> ids() {
        return Arrays.stream(admins.split("[\\s,]+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult caller) {
        return ids().contains(caller.getCallerPrincipal().getName()) ? Set.of("admin") : Set.of();
    }
}
