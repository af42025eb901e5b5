package ai.kubernaut.engine.nativecatalog;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Registration of the engine's native workflows in data-storage's catalog.
 *
 * @param registerOnStartup register, after start-up and in the background, every native
 * workflow whose name and version the catalog does not hold yet
 * @param location where the workflow files are (a Spring resource pattern)
 * @param maxAttempts passes over the workflows still missing before giving up; a pass is
 * repeated while data-storage is unreachable or lacks the workflows' action types
 * @param initialBackoff pause after the first failed pass; it doubles after each one
 * @param maxBackoff the longest pause between two passes
 */
@Validated
@ConfigurationProperties("kubernaut.engine.native-catalog")
record NativeCatalogProperties(@DefaultValue("true") boolean registerOnStartup,
		@DefaultValue(NativeCatalog.DEFAULT_LOCATION) @NotBlank String location,
		@DefaultValue("30") @Min(1) @Max(1000) int maxAttempts, @DefaultValue("2s") @NotNull Duration initialBackoff,
		@DefaultValue("1m") @NotNull Duration maxBackoff) {
}
