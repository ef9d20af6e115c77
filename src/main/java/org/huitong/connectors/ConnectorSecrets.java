package org.huitong.connectors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.huitong.connectors.templates.SourceTemplate;
import org.huitong.connectors.templates.SourceTemplates;
import org.huitong.security.SecretCipher;
import org.springframework.stereotype.Component;

/**
 * Handles the secret parameters of connectors, those a template marks {@code writeOnly}.
 *
 * <ul>
 *   <li>Through the API: a secret is encrypted before it is stored and shown as
 *       {@value #PLACEHOLDER} in every response and audit entry. An update that sends the
 *       placeholder back keeps the stored value.
 *   <li>In a descriptor file: a secret should be written as {@code ${env:NAME}}, read from the
 *       hub's environment when the route is built, so the file contains no secret.
 * </ul>
 */
@Component
public class ConnectorSecrets {

    /** Placeholder the API shows in place of a secret parameter's value. */
    public static final String PLACEHOLDER = "********";

    private static final Pattern ENVIRONMENT_REFERENCE = Pattern.compile("^\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}$");

    private final SecretCipher cipher;
    private final SourceTemplates templates;

    public ConnectorSecrets(SecretCipher cipher, SourceTemplates templates) {
        this.cipher = cipher;
        this.templates = templates;
    }

    /**
     * Returns the descriptor as it is stored: secrets encrypted, placeholders replaced by the
     * previous stored value.
     *
     * @param previous the stored descriptor being updated, or {@code null} when creating
     * @throws InvalidDescriptorException if a placeholder has no stored value to keep
     */
    public ConnectorDescriptor forStorage(ConnectorDescriptor incoming, ConnectorDescriptor previous) {
        Set<String> secrets = secretNames(incoming);
        Map<String, String> parameters = new LinkedHashMap<>(incoming.source().parameters());
        for (String name : secrets) {
            String value = parameters.get(name);
            if (value == null) {
                continue;
            }
            if (PLACEHOLDER.equals(value)) {
                String kept = previous == null ? null : previous.source().parameters().get(name);
                if (kept == null) {
                    throw new InvalidDescriptorException(List.of(new DescriptorError(
                            "source.parameters." + name, "secret-placeholder")));
                }
                parameters.put(name, kept);
            } else {
                parameters.put(name, cipher.encrypt(value));
            }
        }
        return incoming.withParameters(parameters);
    }

    /** Returns the descriptor with every secret value replaced by the placeholder. */
    public ConnectorDescriptor masked(ConnectorDescriptor descriptor) {
        Map<String, String> parameters = new LinkedHashMap<>(descriptor.source().parameters());
        for (String name : secretNames(descriptor)) {
            parameters.computeIfPresent(name, (key, value) -> PLACEHOLDER);
        }
        return descriptor.withParameters(parameters);
    }

    /**
     * Returns the parameters the route is built with: secrets decrypted or read from the
     * environment. The result must never be logged or returned.
     *
     * @throws IllegalStateException naming the parameter and variable (never a value) if an
     *     environment variable is not set
     */
    public Map<String, String> resolved(ConnectorDescriptor descriptor) {
        Map<String, String> parameters = new LinkedHashMap<>(descriptor.source().parameters());
        for (String name : secretNames(descriptor)) {
            String value = parameters.get(name);
            if (value == null) {
                continue;
            }
            Matcher reference = ENVIRONMENT_REFERENCE.matcher(value);
            if (SecretCipher.isEncrypted(value)) {
                parameters.put(name, cipher.decrypt(value));
            } else if (reference.matches()) {
                String variable = reference.group(1);
                String fromEnvironment = System.getenv(variable);
                if (fromEnvironment == null) {
                    throw new IllegalStateException("Secret parameter " + name
                            + " refers to environment variable " + variable + ", which is not set");
                }
                parameters.put(name, fromEnvironment);
            }
        }
        return parameters;
    }

    private Set<String> secretNames(ConnectorDescriptor descriptor) {
        return templates.find(descriptor.source().template()).map(SourceTemplate::secretParameters)
                .orElse(Set.of());
    }
}
