package cn.zhongchuang.statistics;

import java.util.List;
import java.util.Map;

import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo 统计年报 of last year: 朝阳's and 兰州's operators have reported for their first
 * institution (兰州's corrected once), every other demo institution has not, so that the
 * bureaus see both. Runs after the other demo data, once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class DemoAnnualReports implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAnnualReports.class);

	private final AnnualReports reports;

	private final Institutions institutions;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final boolean demo;

	DemoAnnualReports(AnnualReports reports, Institutions institutions, Accounts accounts, JdbcClient jdbc,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.reports = reports;
		this.institutions = institutions;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!this.demo
				|| this.jdbc.sql("SELECT count(*) FROM statistics_annual_report").query(Long.class).single() > 0) {
			return;
		}
		int year = this.reports.lastYear();
		int n = 0;
		n += report("cy_operator", year, Map.of("employment", "86", "incomeWan", "420", "trainees", "120", "staff", "9",
				"areaM2", "1200", "fundWan", "500"), null);
		n += report("lz_operator", year, Map.of("employment", "64", "incomeWan", "260", "trainees", "75", "staff", "6",
				"areaM2", "800", "fundWan", "300"), "服务人员人数漏报两人，更正");
		if (n > 0) {
			log.info("Submitted {} demo statistical reports for {}", n, year);
		}
	}

	private int report(String username, int year, Map<String, String> supplements, String correction) {
		Accounts.Entry operator = this.accounts.find(username).orElse(null);
		if (operator == null) {
			return 0;
		}
		List<InstitutionSummary> mine = this.institutions.mine(operator);
		if (mine.isEmpty()) {
			return 0;
		}
		long id = mine.get(0).id();
		this.reports.submit(id, year, supplements, null, 0, operator);
		if (correction != null) {
			Map<String, String> corrected = new java.util.HashMap<>(supplements);
			corrected.put("staff", String.valueOf(Integer.parseInt(supplements.get("staff")) + 2));
			this.reports.submit(id, year, corrected, correction, 1, operator);
		}
		return 1;
	}

}
