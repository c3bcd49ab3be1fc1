package cn.zhongchuang.tenant;

import java.util.List;

/**
 * Whose tenants an import may write: an operator's own (operatorId), or for a government
 * user every tenant whose region lies in its scope (regionCodes).
 */
record FilingImportScope(Long operatorId, String regionCode, List<String> regionCodes) {

	/** The SQL condition on tenant t; parameters :operator or :regions. */
	String condition() {
		return (this.operatorId != null) ? "t.operator_id = :operator" : "t.region_code IN (:regions)";
	}

	org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
			org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec) {
		return (this.operatorId != null) ? spec.param("operator", this.operatorId)
				: spec.param("regions", this.regionCodes);
	}

}
