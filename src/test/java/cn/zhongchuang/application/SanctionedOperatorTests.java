package cn.zhongchuang.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.operator.OperatorOrganisation;
import cn.zhongchuang.operator.Operators;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.Verdict;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.sanction.Ban;
import cn.zhongchuang.sanction.Sanctions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Fraud per pack: Liaoning revokes and bans for 2 years (the operator can neither open
 * nor submit an application, the verdict cites the pack's article, and after the end it
 * may apply again); Lanzhou revokes and lists subsidies to recover but sets no ban
 * length, so no ban; another region's bureau finds nothing.
 */
@IntegrationTest
class SanctionedOperatorTests {

	static final AtomicLong SUBJECT = new AtomicLong(System.nanoTime() % 1_000_000 + 500_000);

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	Applications applications;

	@Autowired
	Operators operators;

	@Autowired
	Recognitions recognitions;

	@Autowired
	Sanctions sanctions;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	private Recognitions.Recognized recognize(OperatorOrganisation org, String name, String region, String level,
			String policy, String authority, AuthenticatedUser bureau) {
		return this.recognitions.recognize(
				new RecognitionRequest("application", SUBJECT.incrementAndGet(), name, org.name(), org.creditCode(),
						"MAKER_SPACE", "SPECIALIZED", level, region, policy, authority, LocalDate.of(2025, 6, 1)),
				bureau);
	}

	@Test
	void liaoningFraudRevokesBansForTwoYearsAndTheBanEnds() throws Exception {
		var operator = this.fixtures.operator("210112").principal();
		OperatorOrganisation org = this.operators.organisationOf(operator).orElseThrow();
		AuthenticatedUser province = (AuthenticatedUser) this.fixtures.user(Role.PROVINCE, "210000");
		Recognitions.Recognized rec = recognize(org, "辽宁欺诈测试空间" + SUBJECT.get(), "210112", "PROVINCE",
				"liaoning-specialized-2019", "辽宁省科学技术厅", province);
		Application draft = this.fixtures.readyDraft(operator, "liaoning-specialized-2019", "210112");

		AuthenticatedUser lanzhou = (AuthenticatedUser) this.fixtures.user(Role.CITY_BUREAU, "620100");
		this.mvc
			.perform(post("/bureau/sanctions").param("number", rec.number())
				.param("finding", "申报材料虚假")
				.with(user(lanzhou))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("本辖区没有编号为")));
		assertThat(this.sanctions.activeBan(org.creditCode(), ChinaTime.today(this.clock))).isEmpty();

		this.mvc.perform(get("/bureau/sanctions/new").param("number", rec.number()).with(user(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 年内不得申请")));
		this.mvc
			.perform(post("/bureau/sanctions").param("number", rec.number())
				.param("finding", "瞒报在孵企业实际数量，申报材料存在虚假")
				.with(user(province))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		LocalDate today = ChinaTime.today(this.clock);
		Ban ban = this.sanctions.activeBan(org.creditCode(), today).orElseThrow();
		assertThat(ban.endsOn()).isEqualTo(today.plusYears(2));
		this.mvc.perform(get("/api/v1/registry/" + rec.number()))
			.andExpect(jsonPath("$.status").value("REVOKED"))
			.andExpect(jsonPath("$.announcement", containsString("2年内不得申请")));
		this.mvc.perform(get("/bureau/sanctions").param("q", org.creditCode()).with(user(province)))
			.andExpect(content().string(containsString(rec.number())))
			.andExpect(content().string(containsString("禁止期内")));
		this.mvc.perform(get("/bureau/sanctions").param("q", org.creditCode()).with(user(lanzhou)))
			.andExpect(content().string(not(containsString(rec.number()))));

		String end = ban.endsOn().getYear() + "年" + ban.endsOn().getMonthValue() + "月" + ban.endsOn().getDayOfMonth()
				+ "日";
		assertThatThrownBy(
				() -> this.applications.create(operator, "liaoning-specialized-2019", "禁止期内新空间", "210112", null))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("policyId")).contains("禁止期至 " + end));
		assertThatThrownBy(() -> this.applications.create(operator, "chaoyang-2017-missing", "其他政策", "210112", null))
			.isInstanceOf(FieldErrorException.class);
		assertThatThrownBy(() -> this.applications.submit(draft.id(), null, operator)).isInstanceOfSatisfying(
				FieldErrorException.class, (ex) -> assertThat(ex.errors().get("ban")).contains(end));
		Verdict verdict = this.applications.form(draft.id(), operator).verdict();
		assertThat(verdict.criteria()).anySatisfy((c) -> assertThat(c.result()).isEqualTo(Verdict.Result.FAIL))
			.anySatisfy((c) -> assertThat(c.detail()).contains("禁止申报至 " + ban.endsOn()));
		this.mvc.perform(get("/applications/new").with(user((AuthenticatedUser) operator)))
			.andExpect(content().string(containsString("禁止期至 " + end)));

		try {
			this.clock.advance(Duration.ofDays(2 * 366 + 2));
			assertThat(this.sanctions.activeBan(org.creditCode(), ChinaTime.today(this.clock))).isEmpty();
			Application fresh = this.applications.create(operator, "liaoning-specialized-2019", "禁止期满新空间", "210112",
					null);
			assertThat(fresh.id()).isPositive();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void lanzhouFraudRevokesAndListsRecoveryButSetsNoBan() throws Exception {
		var operator = this.fixtures.operator("620102").principal();
		OperatorOrganisation org = this.operators.organisationOf(operator).orElseThrow();
		AuthenticatedUser bureau = (AuthenticatedUser) this.fixtures.user(Role.CITY_BUREAU, "620100");
		Recognitions.Recognized rec = recognize(org, "兰州欺诈测试空间" + SUBJECT.get(), "620102", "CITY", "lanzhou-2018",
				"兰州市科学技术局", bureau);
		this.mvc.perform(get("/bureau/sanctions/new").param("number", rec.number()).with(user(bureau)))
			.andExpect(content().string(containsString("政策未规定禁止申请年限")));
		this.mvc
			.perform(post("/bureau/sanctions").param("number", rec.number())
				.param("finding", "")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("请填写认定的欺诈事实")));
		this.mvc
			.perform(post("/bureau/sanctions").param("number", rec.number())
				.param("finding", "以虚假场地租赁合同取得认定")
				.param("recovery", "2025年度运营补贴 30 万元")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.recognitions.summary(rec.id(), bureau).status()).isEqualTo("REVOKED");
		assertThat(this.sanctions.activeBan(org.creditCode(), ChinaTime.today(this.clock))).isEmpty();
		this.mvc.perform(get("/bureau/sanctions").param("q", rec.number()).with(user(bureau)))
			.andExpect(content().string(containsString("2025年度运营补贴 30 万元")))
			.andExpect(content().string(containsString("政策未规定禁止申请年限")));
		this.mvc
			.perform(post("/bureau/sanctions").param("number", rec.number())
				.param("finding", "再次")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThat(this.applications.create(operator, "lanzhou-2018", "未被禁止的新空间", "620102", null).id()).isPositive();
	}

}
