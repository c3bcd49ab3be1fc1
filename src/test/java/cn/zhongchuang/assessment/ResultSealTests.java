package cn.zhongchuang.assessment;

import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * HMAC-SM3 seals on published assessment results (the demo's published round): sealed
 * when the round is published, checked on the public results page and in the API; a grade
 * changed by the owner in the database fails the check until it is put back.
 */
@IntegrationTest
class ResultSealTests {

	static final String TAMPERED = "签章校验失败（记录可能被篡改）";

	@Autowired
	TestDatabase database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aPublishedResultIsSealedAndAGradeChangedInTheDatabaseFailsItsSeal() throws Exception {
		Map<String, Object> result = this.jdbc.sql("""
				SELECT x.id, x.round_id, x.grade, x.seal, x.seal_key_id FROM assessment_result x
				JOIN assessment_round r ON r.id = x.round_id
				WHERE r.status = 'PUBLISHED' AND x.grade IS NOT NULL ORDER BY x.id LIMIT 1
				""").query().singleRow();
		long id = ((Number) result.get("id")).longValue();
		long round = ((Number) result.get("round_id")).longValue();
		String grade = (String) result.get("grade");
		assertThat((String) result.get("seal")).matches("[0-9a-f]{64}");
		assertThat(result.get("seal_key_id")).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM assessment_result x JOIN assessment_round r ON r.id = x.round_id "
					+ "WHERE r.status = 'OPEN' AND x.seal IS NOT NULL")
			.query(Long.class)
			.single()).as("an open round's results are not sealed yet").isZero();

		this.mvc.perform(get("/assessments/" + round))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("签章有效")))
			.andExpect(content().string(not(containsString(TAMPERED))));
		this.mvc.perform(get("/api/v1/assessments/rounds/" + round))
			.andExpect(jsonPath("$.results[?(@.id == " + id + ")].seal.valid").value(contains(true)));
		this.mvc.perform(get("/api/v1/seals/assessment-result/" + id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.seal.valid").value(true));

		String other = "优秀".equals(grade) ? "不合格" : "优秀";
		try {
			this.database.owner()
				.sql("UPDATE assessment_result SET grade = :grade WHERE id = :id")
				.param("grade", other)
				.param("id", id)
				.update();
			this.mvc.perform(get("/assessments/" + round))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(TAMPERED)));
			this.mvc.perform(get("/api/v1/assessments/rounds/" + round))
				.andExpect(jsonPath("$.results[?(@.id == " + id + ")].seal.valid").value(contains(false)));
			this.mvc.perform(get("/api/v1/seals/assessment-result/" + id))
				.andExpect(jsonPath("$.seal.status").value("INVALID"));
		}
		finally {
			this.database.owner()
				.sql("UPDATE assessment_result SET grade = :grade WHERE id = :id")
				.param("grade", grade)
				.param("id", id)
				.update();
		}
		// put back exactly as sealed: valid again
		this.mvc.perform(get("/api/v1/seals/assessment-result/" + id)).andExpect(jsonPath("$.seal.valid").value(true));
	}

}
