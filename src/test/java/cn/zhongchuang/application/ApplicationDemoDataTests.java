package cn.zhongchuang.application;

import java.util.List;

import cn.zhongchuang.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo shows every state of the flow for each bundled pack. */
@IntegrationTest
class ApplicationDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "beijing-chaoyang-2017", "lanzhou-2018", "liaoning-specialized-2019" })
	void everyStateForEveryPack(String policy) {
		List<String> states = this.jdbc
			.sql("SELECT DISTINCT a.status FROM application a JOIN operator_member m ON m.operator_id = a.operator_id"
					+ " JOIN user_account u ON u.id = m.user_id WHERE a.policy_id = :p AND u.username LIKE '%\\_operator'")
			.param("p", policy)
			.query(String.class)
			.list();
		assertThat(states).contains("DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "REJECTED", "RECOGNIZED");
		// one waits for sealed expert scores, and where the pack has a notice one is on
		// an open notice
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM application a JOIN expert_panel p ON p.subject_type = 'application'
				  AND p.subject_id = a.id::text
				WHERE a.policy_id = :p AND a.space_name LIKE '%（专家评审中）' AND p.status = 'SEALED'
				""").param("p", policy).query(Long.class).single()).isEqualTo(1);
		if (!policy.startsWith("beijing")) {
			assertThat(this.jdbc.sql("""
					SELECT count(*) FROM application a JOIN notice n ON n.id = a.notice_id
					WHERE a.policy_id = :p AND a.space_name LIKE '%（公示中）' AND n.status = 'PUBLISHED'
					""").param("p", policy).query(Long.class).single()).isEqualTo(1);
		}
	}

}
