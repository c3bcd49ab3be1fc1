package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo operators have their organisations, and the records of 朝阳's first base meet
 * most criteria.
 */
@IntegrationTest
class OperatorDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Institutions institutions;

	@Autowired
	Clock clock;

	@Test
	void eachDemoOperatorHasAnOrganisationWithAValidCreditCode() {
		List<Map<String, Object>> rows = this.jdbc.sql("""
				SELECT u.username, o.region_code, o.credit_code FROM operator_organisation o
				JOIN operator_member m ON m.operator_id = o.id JOIN user_account u ON u.id = m.user_id
				WHERE u.username IN ('cy_operator', 'lz_operator', 'ln_operator') ORDER BY u.username
				""").query().listOfRows();

		assertThat(rows).extracting((r) -> r.get("username") + "@" + r.get("region_code"))
			.containsExactly("cy_operator@110105", "ln_operator@210102", "lz_operator@620102");
		assertThat(rows)
			.allSatisfy((r) -> assertThat(CreditCodes.check((String) r.get("credit_code")).valid()).isTrue());
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM tenant t JOIN operator_member m ON m.operator_id = t.operator_id"
					+ " JOIN user_account u ON u.id = m.user_id WHERE u.username = 'lz_operator'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(10);
	}

	@Test
	@SuppressWarnings("unchecked")
	void chaoyangsRecordsMeetTheAutomaticThresholds() {
		long id = this.jdbc
			.sql("SELECT m.operator_id FROM operator_member m JOIN user_account u ON u.id = m.user_id"
					+ " WHERE u.username = 'cy_operator'")
			.query(Long.class)
			.single();
		long first = this.institutions.ofOperator(id).get(0).id();
		Map<String, Object> f = this.institutions.factsFor(first, ChinaTime.today(this.clock)).facts();

		assertThat((BigDecimal) f.get("space.totalAreaM2")).isGreaterThanOrEqualTo(new BigDecimal("500"));
		assertThat((Integer) f.get("tenants.withIncubationAgreement")).isGreaterThanOrEqualTo(10);
		assertThat((Integer) f.get("mentors.count")).isGreaterThanOrEqualTo(10);
		assertThat(f.get("mentors.counselingArchive")).isEqualTo(true);
		assertThat((Integer) f.get("activities.eventsLast12Months")).isGreaterThanOrEqualTo(12);
		assertThat((Integer) f.get("activities.financingMatchEvents")).isGreaterThanOrEqualTo(5);
		assertThat((List<Object>) f.get("funds"))
			.contains(Map.of("role", "SELF_BUILT", "kind", "ANGEL", "amountCny", 10_000_000L));
		assertThat((Integer) f.get("staff.managementWithCollegeDegree") * 2)
			.isGreaterThanOrEqualTo((Integer) f.get("staff.management"));
		assertThat((LocalDate) f.get("space.operatingSince")).isBefore(ChinaTime.today(this.clock).minusMonths(12));
	}

}
