package org.huitong.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.huitong.security.apikeys.ApiKeyAuthenticationFilter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the hub's three ways to authenticate in the OpenAPI document, so Swagger UI can use them. */
@Configuration(proxyBeanMethods = false)
public class OpenApiSecurity {

    static final String BASIC = "basic";

    static final String BEARER = "bearer";

    static final String API_KEY = "apiKey";

    @Bean
    public OpenApiCustomizer securitySchemes() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("Built-in user name and password / 内置用户名和密码"))
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("JWT")
                            .description("Token of the configured identity provider / 身份提供方签发的令牌"))
                    .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                            .description("API key created with POST /api/api-keys / API 密钥"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BASIC))
                    .addSecurityItem(new SecurityRequirement().addList(BEARER))
                    .addSecurityItem(new SecurityRequirement().addList(API_KEY));
        };
    }
}
