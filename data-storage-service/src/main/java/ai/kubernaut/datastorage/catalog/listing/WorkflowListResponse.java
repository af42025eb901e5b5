package ai.kubernaut.datastorage.catalog.listing;

import java.util.List;

import ai.kubernaut.datastorage.catalog.CatalogWorkflow;

/**
 * Kubernaut's operator list answer.
 *
 * @param total the number of rows matching the filters, across all pages
 */
record WorkflowListResponse(List<CatalogWorkflow> workflows, int limit, int offset, long total) {
}
