package cn.zhongchuang.supervision;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many rectification orders are open (整改中: OPEN, or ANSWERED and waiting for the
 * bureau), for dashboards; counts only.
 */
@Service
public class RectificationCensus {

	private final JdbcClient jdbc;

	RectificationCensus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Open orders within the region codes ({@code null} for all), of the credit codes
	 * when given ({@code null} for any).
	 */
	@Transactional(readOnly = true)
	public long open(Collection<String> regionCodes, Collection<String> creditCodes) {
		String sql = "SELECT count(*) FROM rectification_order WHERE status IN ('OPEN', 'ANSWERED')"
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
