package ai.kubernaut.contracts.catalog;

/**
 * Offset pagination as Kubernaut's discovery API reports it:
 * {@code hasMore = offset + limit < totalCount}.
 */
public record Pagination(long totalCount, int offset, int limit, boolean hasMore) {

	public static Pagination of(long totalCount, int offset, int limit) {
		return new Pagination(totalCount, offset, limit, (long) offset + limit < totalCount);
	}

}
