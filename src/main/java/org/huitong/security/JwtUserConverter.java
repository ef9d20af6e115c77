package org.huitong.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated JWT into a {@link HubAuthentication}. The role, department and user name
 * come from the claims named in {@code huitong.security.jwt.*}. A claim name with dots, such as
 * {@code realm_access.roles}, is read from nested objects.
 */
public class JwtUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final HubSecurityProperties.Jwt claims;

    public JwtUserConverter(HubSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    /** @throws HubAuthenticationException if the token names no single known role or lacks a valid department */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        HubRole role = role(jwt);
        String department = null;
        if (role == HubRole.DEPARTMENT_ADMIN) {
            Object value = claim(jwt, claims.departmentClaim());
            department = value instanceof String text ? text.strip() : null;
            if (!DepartmentCodes.isValid(department)) {
                throw HubAuthenticationException.unauthorized("auth.token.department-missing",
                        claims.departmentClaim());
            }
        }
        Object name = claim(jwt, claims.nameClaim());
        String username = name instanceof String text && !text.isBlank() ? text : jwt.getSubject();
        if (username == null || username.isBlank()) {
            throw HubAuthenticationException.unauthorized("auth.token.name-missing", claims.nameClaim());
        }
        return new HubAuthentication(new HubUser(username, role, department), AuthenticationMethod.JWT);
    }

    private HubRole role(Jwt jwt) {
        Object value = claim(jwt, claims.roleClaim());
        Set<HubRole> roles = EnumSet.noneOf(HubRole.class);
        if (value instanceof String text) {
            HubRole.parse(text).ifPresent(roles::add);
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof String text) {
                    HubRole.parse(text).ifPresent(roles::add);
                }
            }
        }
        // A subscriber acts only through the API keys the hub issued for it, which name the
        // subscriber; a token from an identity provider cannot.
        roles.remove(HubRole.SUBSCRIBER);
        if (roles.isEmpty()) {
            throw HubAuthenticationException.unauthorized("auth.token.role-missing", claims.roleClaim());
        }
        if (roles.size() > 1) {
            throw HubAuthenticationException.unauthorized("auth.token.role-ambiguous", claims.roleClaim(),
                    roles.toString());
        }
        return roles.iterator().next();
    }

    private static Object claim(Jwt jwt, String path) {
        if (jwt.hasClaim(path)) {
            return jwt.getClaim(path);
        }
        Object value = jwt.getClaims();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }
}
