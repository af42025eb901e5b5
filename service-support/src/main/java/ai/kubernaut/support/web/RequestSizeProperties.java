package ai.kubernaut.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bounds every request body a service reads, so a client cannot make it buffer megabytes
 * only to be told the body is invalid.
 *
 * @param maxRequestSize the largest body accepted (default 1MB); larger ones get 413
 * before they are read
 */
@ConfigurationProperties("kubernaut.http")
public record RequestSizeProperties(DataSize maxRequestSize) {

	public RequestSizeProperties {
		maxRequestSize = (maxRequestSize != null) ? maxRequestSize : DataSize.ofMegabytes(1);
	}

}
