package cn.zhongchuang.tenant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's monthly tax filings as stored (the import writes them). */
@Service
public class TaxFilings {

	private final JdbcClient jdbc;

	TaxFilings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest {@code months} months that have a row, newest first. */
	@Transactional(readOnly = true)
	public List<Filing> latest(long tenantId, int months) {
		return this.jdbc.sql("""
				SELECT period, filed, tax_paid_cny FROM tenant_tax_filing WHERE tenant_id = :t
				ORDER BY period DESC LIMIT :n
				""")
			.param("t", tenantId)
			.param("n", months)
			.query((rs, n) -> new Filing(rs.getObject("period", LocalDate.class), rs.getBoolean("filed"),
					rs.getBigDecimal("tax_paid_cny")))
			.list();
	}

	/**
	 * One month.
	 *
	 * @param period first day of the month
	 * @param filed filed
	 * @param taxPaidCny tax paid, null when not given
	 */
	public record Filing(LocalDate period, boolean filed, BigDecimal taxPaidCny) {

		public String month() {
			return this.period.toString().substring(0, 7);
		}

	}

}
