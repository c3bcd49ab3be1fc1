package cn.zhongchuang.tenant;

import java.time.Instant;

/**
 * One tax-filing import as its bookkeeping row records it: who, which file, how far, how
 * it ended.
 *
 * @param status QUEUED, RUNNING, SUCCEEDED, REJECTED (bad rows, nothing written) or
 * FAILED (an error or a node that died, nothing written)
 * @param progress percent of the file read
 * @param months the months the file held, e.g. 2026-08,2026-09 (when it succeeded)
 */
public record FilingImportJob(long id, long userId, String username, Long operatorId, String regionCode,
		String fileName, String fileFormat, long fileBytes, String status, int rowsRead, int progress,
		Integer rowsWritten, Integer tenants, String months, int errorCount, String message, Instant createdAt,
		Instant finishedAt) {

	public boolean finished() {
		return "SUCCEEDED".equals(this.status) || "REJECTED".equals(this.status) || "FAILED".equals(this.status);
	}

}
