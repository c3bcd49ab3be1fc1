package cn.zhongchuang;

import java.time.Clock;
import java.util.List;

import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.sanction.Sanctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo shows the life after recognition in every demo region: last year's filings (on
 * time, late, draft), assessment rounds (published with a 不合格 in Lanzhou and Liaoning,
 * open in Chaoyang), rectification orders (open, answered; in Chaoyang a rejected answer
 * that lapsed the recognition), a late change report in Liaoning and a sanction with a
 * ban in Chaoyang.
 */
@IntegrationTest
class AfterRecognitionDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sanctions sanctions;

	@Autowired
	Clock clock;

	int lastYear() {
		return ChinaTime.today(this.clock).getYear() - 1;
	}

	@ParameterizedTest
	@ValueSource(strings = { "beijing-chaoyang-2017", "lanzhou-2018", "liaoning-specialized-2019" })
	void filingsAndOrdersInEveryRegion(String policy) {
		List<String> filings = this.jdbc.sql("""
				SELECT status || CASE WHEN late THEN '-LATE' ELSE '' END FROM annual_filing
				WHERE policy_id = :p AND year = :y AND institution_name LIKE '%基地）'
				""").param("p", policy).param("y", lastYear()).query(String.class).list();
		assertThat(filings).containsExactlyInAnyOrder("SUBMITTED", "SUBMITTED-LATE", "DRAFT");
		// the open order stays OPEN until its deadline; tests that move the shared clock
		// past it let the overdue job mark it OVERDUE, still unanswered
		List<String> orders = this.jdbc.sql("""
				SELECT CASE WHEN status IN ('OPEN', 'OVERDUE') AND answer IS NULL THEN 'UNANSWERED' ELSE status END
				FROM rectification_order WHERE policy_id = :p AND institution_name LIKE '%基地）'
				""").param("p", policy).query(String.class).list();
		assertThat(orders).contains("UNANSWERED", "ANSWERED");
	}

	@Test
	void roundsPublishedWithAFailingGradeAndChaoyangOpen() {
		for (String[] r : new String[][] { { "lanzhou-2018", "620100" }, { "liaoning-specialized-2019", "210000" } }) {
			List<String> grades = this.jdbc.sql("""
					SELECT x.grade FROM assessment_round r JOIN assessment_result x ON x.round_id = r.id
					WHERE r.policy_id = :p AND r.region_code = :region AND r.year = :y AND r.status = 'PUBLISHED'
					""").param("p", r[0]).param("region", r[1]).param("y", lastYear()).query(String.class).list();
			assertThat(grades).contains("优秀", "不合格");
		}
		assertThat(this.jdbc.sql("""
				SELECT status FROM assessment_round
				WHERE policy_id = 'beijing-chaoyang-2017' AND region_code = '110105' AND year = :y
				""").param("y", lastYear()).query(String.class).list()).containsExactly("OPEN");
	}

	@Test
	void chaoyangLapsedByRectificationAndRevokedForFraudWithABan() {
		assertThat(this.jdbc.sql("""
				SELECT r.status || ':' || (r.announcement IS NOT NULL) FROM rectification_order o
				JOIN recognition r ON r.id = o.recognition_id
				WHERE o.policy_id = 'beijing-chaoyang-2017' AND o.status = 'REJECTED' AND o.lapsed
				  AND o.institution_name LIKE '%基地）'
				""").query(String.class).list()).containsExactly("LAPSED:true");
		List<String> revoked = this.jdbc
			.sql("""
					SELECT s.credit_code FROM sanction s JOIN recognition r ON r.id = s.recognition_id
					WHERE s.region_code = '110105' AND s.ban_years = 5 AND r.status = 'REVOKED' AND r.announcement LIKE '%5年内不得申请%'
					  AND s.institution_name = '朝阳区华兴众创空间'
					""")
			.query(String.class)
			.list();
		assertThat(revoked).hasSize(1);
		assertThat(this.sanctions.activeBan(revoked.get(0), ChinaTime.today(this.clock))).isPresent();
	}

	@Test
	void aLateChangeReportInLiaoning() {
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM condition_change
				WHERE policy_id = 'liaoning-specialized-2019' AND late AND institution_name LIKE '%基地）'
				""").query(Long.class).single()).isEqualTo(1);
	}

}
