package org.huitong.security.apikeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.huitong.security.HubRole;

/** Request and response bodies of the API key endpoints. */
public final class ApiKeyRequests {

    private ApiKeyRequests() {
    }

    /**
     * A new key. A department administrator may leave out role and department: the key then gets
     * DEPARTMENT_ADMIN for the caller's department, the only kind it may create.
     *
     * @param name what the key is for, for example the name of the calling system
     * @param expiresAt when the key stops working; null for a key that does not expire
     */
    public record Create(
            @NotBlank(message = "body.required")
            @Size(max = 128, message = "body.name.too-long") String name,
            HubRole role,
            @Size(max = 63, message = "body.department.invalid") String departmentCode,
            Instant expiresAt) {
    }

    /**
     * A created key, the only response that contains the key itself.
     *
     * @param key the value of the {@code X-API-Key} header; it cannot be shown again
     */
    public record Created(ApiKey apiKey, String key) {
    }
}
