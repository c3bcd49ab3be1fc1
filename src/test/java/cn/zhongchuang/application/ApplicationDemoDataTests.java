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
		assertThat(states).contains("DRAFT", "SUBMITTED", "IN_REVIEW", "RETURNED", "REJECTED", "APPROVED");
	}

}
