package org.huitong.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, from Spring Security's context. */
@Component
public class CurrentUser {

    /**
     * Returns the authenticated caller.
     *
     * @throws IllegalStateException if no hub user is authenticated, which for an {@code /api}
     *     handler means the security configuration is wrong
     */
    public HubUser get() {
        return find().orElseThrow(() -> new IllegalStateException(
                "No authenticated hub user in the security context"));
    }

    /** Returns how the caller authenticated. */
    public AuthenticationMethod method() {
        return authentication().map(HubAuthentication::method).orElseThrow(() -> new IllegalStateException(
                "No authenticated hub user in the security context"));
    }

    /** Returns the authenticated caller, or empty outside an authenticated request. */
    public static Optional<HubUser> find() {
        return authentication().map(HubAuthentication::user);
    }

    private static Optional<HubAuthentication> authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof HubAuthentication hub ? Optional.of(hub) : Optional.empty();
    }
}
