package ai.kubernaut.gateway.owner;

/**
 * What {@link TargetResolver} found for an alert: a {@link ResolvedTarget}, or
 * {@link TargetNotFound}.
 */
public sealed interface TargetResolution permits ResolvedTarget, TargetNotFound {

}
