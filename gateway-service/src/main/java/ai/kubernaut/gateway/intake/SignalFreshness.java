package ai.kubernaut.gateway.intake;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Replay protection, as Kubernaut's gateway does it: a signal must be recent. With an
 * {@code X-Timestamp} header (Unix seconds, set by a sender that signs or stamps its
 * requests) the header must be at most {@code maxAge} old and {@code maxSkew} in the
 * future; without it, the newest {@code startsAt} of the notification must exist and not
 * be more than {@code maxSkew} in the future (Alertmanager re-sends long-firing alerts
 * with their original {@code startsAt}, so its age proves nothing). Violations are 400s
 * naming the field.
 */
public class SignalFreshness {

	public static final String TIMESTAMP_HEADER = "X-Timestamp";

	private final Duration maxAge;

	private final Duration maxSkew;

	private final Clock clock;

	public SignalFreshness(Duration maxAge, Duration maxSkew, Clock clock) {
		this.maxAge = maxAge;
		this.maxSkew = maxSkew;
		this.clock = clock;
	}

	/**
	 * @param header the {@code X-Timestamp} header, {@code null} when absent
	 * @param startsAts every alert's {@code startsAt} ({@code null} entries allowed)
	 */
	public void checkAlerts(String header, Collection<Instant> startsAts) {
		if (header != null) {
			checkRecent(TIMESTAMP_HEADER, parseHeader(header));
			return;
		}
		Instant newest = startsAts.stream().filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
		if (newest == null) {
			throw new InvalidSignalException("alerts[].startsAt",
					"is required on at least one alert when the request has no " + TIMESTAMP_HEADER + " header");
		}
		if (newest.isAfter(this.clock.instant().plus(this.maxSkew))) {
			throw new InvalidSignalException("alerts[].startsAt",
					"is " + newest + ", more than " + this.maxSkew.toSeconds() + " s in the future");
		}
	}

	/**
	 * Checks an event timestamp (or the header when present) is recent.
	 */
	public void checkEvent(String header, String field, Instant eventTime) {
		if (header != null) {
			checkRecent(TIMESTAMP_HEADER, parseHeader(header));
			return;
		}
		if (eventTime == null) {
			throw new InvalidSignalException(field,
					"is required when the request has no " + TIMESTAMP_HEADER + " header");
		}
		checkRecent(field, eventTime);
	}

	private void checkRecent(String field, Instant when) {
		Instant now = this.clock.instant();
		if (when.isBefore(now.minus(this.maxAge))) {
			throw new InvalidSignalException(field,
					"is " + when + ", older than " + this.maxAge.toSeconds() + " s: a replayed or stale request");
		}
		if (when.isAfter(now.plus(this.maxSkew))) {
			throw new InvalidSignalException(field,
					"is " + when + ", more than " + this.maxSkew.toSeconds() + " s in the future");
		}
	}

	private static Instant parseHeader(String header) {
		try {
			return Instant.ofEpochSecond(Long.parseLong(header.trim()));
		}
		catch (NumberFormatException | DateTimeException ex) {
			throw new InvalidSignalException(TIMESTAMP_HEADER, "must be Unix seconds, not '" + header + "'");
		}
	}

}
