package ai.kubernaut.datastorage.catalog.registration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of catalog registration.
 *
 * @param maxBodySize the largest registration body read (default 2MB, Kubernaut's limit);
 * larger bodies are answered 413 without being read further
 */
@Validated
@ConfigurationProperties("kubernaut.catalog.registration")
record RegistrationProperties(@NotNull @DefaultValue("2MB") DataSize maxBodySize) {
}
