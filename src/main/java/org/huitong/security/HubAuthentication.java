package org.huitong.security;

import java.util.List;
import java.util.Objects;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A successful authentication of a {@link HubUser}, whatever the method. Its only authority is
 * the user's role, for example {@code ROLE_OPERATOR}.
 */
public final class HubAuthentication extends AbstractAuthenticationToken {

    private final HubUser user;

    private final AuthenticationMethod method;

    public HubAuthentication(HubUser user, AuthenticationMethod method) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.method = Objects.requireNonNull(method, "method");
        setAuthenticated(true);
    }

    public HubUser user() {
        return user;
    }

    public AuthenticationMethod method() {
        return method;
    }

    @Override
    public HubUser getPrincipal() {
        return user;
    }

    /** Returns null: no credential is kept after authentication. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HubAuthentication that && super.equals(that)
                && user.equals(that.user) && method == that.method;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), user, method);
    }
}
