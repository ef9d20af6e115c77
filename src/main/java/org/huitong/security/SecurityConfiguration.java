package org.huitong.security;

import jakarta.servlet.DispatcherType;
import org.huitong.audit.AuditLog;
import org.huitong.security.apikeys.ApiKeyAuthenticationFilter;
import org.huitong.security.apikeys.ApiKeyAuthenticator;
import org.huitong.security.users.UserRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The hub's HTTP security: stateless, no CSRF protection because no cookies are used, every
 * {@code /api/**} request authenticated by HTTP Basic, an {@code X-API-Key} header or, when
 * {@code spring.security.oauth2.resourceserver.jwt.*} is configured, a JWT bearer token.
 * Subscribing systems reach only their own paths ({@link #SUBSCRIBER_PATHS}).
 * Health, the OpenAPI document and Swagger UI are open; {@code /ingest/**} has its own chain
 * without user authentication; everything else is denied.
 * Role checks use {@code @PreAuthorize}; department checks are made by the controllers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * API paths open to subscribing systems as well as to staff. Their controllers limit a
     * subscriber to its own subscriptions and feeds.
     */
    static final String[] SUBSCRIBER_PATHS = {
        "/api/me", "/api/subscribers/**", "/api/subscriptions", "/api/subscriptions/**", "/api/feeds/**"};

    /** Roles that may call the rest of the API; a subscriber may not. */
    static final String[] STAFF_ROLES = {"ADMIN", "OPERATOR", "DEPARTMENT_ADMIN", "AUDITOR"};

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The manager of HTTP Basic logins. As an {@link AuthenticationManager} bean it also keeps
     * Spring Boot from creating its default in-memory user with a generated password.
     */
    @Bean
    public AuthenticationManager passwordAuthenticationManager(UserRepository users, PasswordEncoder passwords,
                                                               LoginThrottle throttle, AuditLog audit) {
        ProviderManager manager = new ProviderManager(
                new PasswordAuthenticationProvider(users, passwords, throttle, audit));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /**
     * Builds the rules of {@code /ingest/**}, checked before {@link #hubSecurity}: no user
     * authentication, because a push is authenticated by its connector's own token or signature
     * in {@code org.huitong.connectors.sources.push.PushController}. A push's bearer token is not a
     * JWT, so the API's filters must not see it.
     */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public SecurityFilterChain pushSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/ingest/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .httpBasic(basic -> basic.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /** The HTTP rules; absent when the hub runs without a web server, as some tests do. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public SecurityFilterChain hubSecurity(HttpSecurity http, AuthenticationManager passwordAuthenticationManager,
                                           ProblemAuthenticationEntryPoint entryPoint,
                                           ProblemAccessDeniedHandler accessDenied,
                                           ApiKeyAuthenticator apiKeys, ObjectProvider<JwtDecoder> jwtDecoder,
                                           HubSecurityProperties properties, AuditLog audit) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .authenticationManager(passwordAuthenticationManager)
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
                        .authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, entryPoint), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                                .permitAll()
                        .requestMatchers(SUBSCRIBER_PATHS).authenticated()
                        .requestMatchers("/api/**").hasAnyRole(STAFF_ROLES)
                        .requestMatchers("/actuator/info").authenticated()
                        .anyRequest().denyAll());

        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
            provider.setJwtAuthenticationConverter(new JwtUserConverter(properties.jwt()));
            AuditedEntryPoint jwtFailures = new AuditedEntryPoint(entryPoint, audit);
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(jwtFailures)
                    .jwt(jwt -> jwt.authenticationManager(new ProviderManager(provider))));
        }
        return http.build();
    }
}
