package cn.zhongchuang.subsidy;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How many subsidy awards are due for recovery (RECOVERY_DUE), for dashboards. */
@Service
public class RecoveryCensus {

	private final JdbcClient jdbc;

	RecoveryCensus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Awards due for recovery within the region codes ({@code null} for all), of the
	 * credit codes when given ({@code null} for any).
	 */
	@Transactional(readOnly = true)
	public long due(Collection<String> regionCodes, Collection<String> creditCodes) {
		String sql = "SELECT count(*) FROM subsidy_award WHERE status = 'RECOVERY_DUE'"
				+ ((regionCodes != null) ? " AND region_code = ANY(:regions)" : "")
				+ ((creditCodes != null) ? " AND credit_code = ANY(:codes)" : "");
		var spec = this.jdbc.sql(sql);
		if (regionCodes != null) {
			spec = spec.param("regions", regionCodes.toArray(String[]::new));
		}
		if (creditCodes != null) {
			spec = spec.param("codes", creditCodes.toArray(String[]::new));
		}
		return spec.query(Long.class).single();
	}

}
