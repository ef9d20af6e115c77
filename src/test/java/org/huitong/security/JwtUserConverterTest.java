package org.huitong.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Claim handling that the HTTP test with the default claim names does not reach. */
class JwtUserConverterTest {

    @Test
    void nestedRoleClaimIsRead() {
        JwtUserConverter converter = new JwtUserConverter(
                new HubSecurityProperties.Jwt("realm_access.roles", "org.department", "preferred_username"));
        Jwt jwt = jwt(Map.of("sub", "s-1", "realm_access", Map.of("roles", List.of("uma_authorization", "department_admin")),
                "org", Map.of("department", "mca")));

        HubAuthentication authentication = (HubAuthentication) converter.convert(jwt);

        assertThat(authentication.user()).isEqualTo(new HubUser("s-1", HubRole.DEPARTMENT_ADMIN, "mca"));
        assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DEPARTMENT_ADMIN");
    }

    @Test
    void invalidDepartmentIsRejected() {
        JwtUserConverter converter = new JwtUserConverter(
                new HubSecurityProperties.Jwt("role", "department", "preferred_username"));
        Jwt jwt = jwt(Map.of("sub", "s-1", "role", "DEPARTMENT_ADMIN", "department", "Not Valid"));

        assertThatThrownBy(() -> converter.convert(jwt))
                .isInstanceOfSatisfying(HubAuthenticationException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("auth.token.department-missing"));
    }

    @Test
    void departmentOfOtherRolesIsIgnored() {
        JwtUserConverter converter = new JwtUserConverter(
                new HubSecurityProperties.Jwt("role", "department", "preferred_username"));
        Jwt jwt = jwt(Map.of("sub", "s-1", "role", "AUDITOR", "department", "samr"));

        assertThat(((HubAuthentication) converter.convert(jwt)).user().departmentCode()).isNull();
    }

    @Test
    void subscriberRoleFromTokenIsRejected() {
        JwtUserConverter converter = new JwtUserConverter(
                new HubSecurityProperties.Jwt("role", "department", "preferred_username"));
        Jwt jwt = jwt(Map.of("sub", "s-1", "role", "subscriber"));

        assertThatThrownBy(() -> converter.convert(jwt))
                .isInstanceOfSatisfying(HubAuthenticationException.class, e ->
                        assertThat(e.messageKey()).isEqualTo("auth.token.role-missing"));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
