package cn.zhongchuang.supervision;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import cn.zhongchuang.reference.WorkingDays;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Dynamic management per pack: Chaoyang's rectification not met (a rejected answer, or an
 * overdue order) lapses the recognition with an announcement the registry shows; the
 * deadline is the pack's working days on the official calendar; Liaoning sets no deadline
 * (the bureau gives one) and flags a change reported after a month; Lanzhou never flags
 * one; no region or operator sees another's orders.
 */
@IntegrationTest
class SupervisionTests {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 700_000);

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
		.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	@Autowired
	Supervision supervision;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	TestClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestOrganisations organisations;

	record Holder(AuthenticatedUser operator, String creditCode, String name) {
	}

	Holder operator(String region) {
		TestOrganisations.Registered org = this.organisations.register(region, "监管测试运营机构");
		return new Holder(org.account().principal(), org.creditCode(), org.name());
	}

	Recognitions.Recognized recognize(Holder h, String space, String region, String level, String policy,
			String authority, AuthenticatedUser bureau) {
		return this.recognitions.recognize(
				new RecognitionRequest("application", N.incrementAndGet(), space, h.name(), h.creditCode(),
						"MAKER_SPACE", "COMPREHENSIVE", level, region, policy, authority, LocalDate.of(2025, 6, 1)),
				bureau);
	}

	long issue(String number, String reason, AuthenticatedUser bureau) throws Exception {
		String location = this.mvc
			.perform(post("/bureau/supervision/orders").param("number", number)
				.param("reason", reason)
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void chaoyangRectificationNotMetLapsesTheRecognitionAndTheRegistryAnnouncesIt() throws Exception {
		Holder h = operator("110105");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		String space = "朝阳整改测试空间" + N.get();
		Recognitions.Recognized rec = recognize(h, space, "110105", "DISTRICT", "beijing-chaoyang-2017",
				"北京市朝阳区科学技术委员会", bureau);

		this.mvc.perform(get("/bureau/supervision/new").param("number", rec.number()).with(user(bureau)))
			.andExpect(content().string(containsString("30 个工作日")));
		long id = issue(rec.number(), "2026 年度考核不合格：在孵企业不足 10 家", bureau);
		RectificationOrder order = this.supervision.orderForBureau(id, bureau);
		LocalDate today = ChinaTime.today(this.clock);
		assertThat(order.deadline).isEqualTo(this.workingDays.add(today, 30).date());
		assertThat(order.deadline).isAfter(today.plusDays(30 + 7));

		Holder stranger = operator("110105");
		this.mvc.perform(get("/supervision/orders/" + id).with(user(stranger.operator())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/supervision").with(user(stranger.operator())))
			.andExpect(content().string(not(containsString(rec.number()))));
		AuthenticatedUser lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		this.mvc.perform(get("/bureau/supervision/orders/" + id).with(user(lanzhou))).andExpect(status().isNotFound());
		this.mvc
			.perform(post("/bureau/supervision/orders").param("number", rec.number())
				.param("reason", "越权")
				.with(user(lanzhou))
				.with(csrf()))
			.andExpect(status().is(422));

		this.mvc.perform(get("/supervision").with(user(h.operator())))
			.andExpect(content().string(containsString(rec.number())));
		this.mvc
			.perform(multipart("/supervision/orders/" + id + "/evidence")
				.file(new MockMultipartFile("file", "整改报告.pdf", "application/pdf", PDF))
				.with(user(h.operator()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/supervision/orders/" + id + "/answer").param("version", "0")
				.param("answer", "已新引进在孵企业 6 家")
				.with(user(stranger.operator()))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/supervision/orders/" + id + "/answer").param("version", "0")
				.param("answer", "已新引进在孵企业 6 家，合计 12 家")
				.with(user(h.operator()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/bureau/supervision/orders/" + id).with(user(bureau)))
			.andExpect(content().string(containsString("整改报告.pdf")))
			.andExpect(content().string(containsString("认定资格自行失效")));
		this.mvc
			.perform(post("/bureau/supervision/orders/" + id + "/decide").param("version", "1")
				.param("outcome", "REJECT")
				.param("note", "")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("不通过时请说明理由")));
		this.mvc
			.perform(post("/bureau/supervision/orders/" + id + "/decide").param("version", "1")
				.param("outcome", "REJECT")
				.param("note", "经核查新引进企业未实际入驻")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(this.supervision.orderForBureau(id, bureau).lapsed).isTrue();
		assertThat(this.recognitions.summary(rec.id(), bureau).status()).isEqualTo("LAPSED");
		this.mvc.perform(get("/api/v1/registry/" + rec.number()))
			.andExpect(jsonPath("$.status").value("LAPSED"))
			.andExpect(jsonPath("$.announcement", containsString("整改未达到要求")));
		this.mvc.perform(get("/registry").param("region", "110105"))
			.andExpect(content().string(containsString(space)))
			.andExpect(content().string(containsString("履行摘牌手续")));
	}

	@Test
	void anOverdueChaoyangOrderLapsesTheRecognitionOnceTheDeadlinePasses() throws Exception {
		Holder h = operator("110105");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		Recognitions.Recognized rec = recognize(h, "朝阳逾期测试空间" + N.get(), "110105", "DISTRICT", "beijing-chaoyang-2017",
				"北京市朝阳区科学技术委员会", bureau);
		long id = issue(rec.number(), "未参加年度考核", bureau);
		LocalDate deadline = this.supervision.orderForBureau(id, bureau).deadline;
		this.supervision.lapseOverdue(deadline);
		assertThat(this.supervision.orderForBureau(id, bureau).getStatus()).isEqualTo("OPEN");
		try {
			this.clock.advance(Duration.ofDays(60));
			this.supervision.lapseOverdue(ChinaTime.today(this.clock));
			assertThatThrownBy(() -> this.supervision.answer(id, 1, "迟到的答复", h.operator()))
				.isInstanceOf(cn.zhongchuang.platform.ConflictException.class);
		}
		finally {
			this.clock.reset();
		}
		RectificationOrder order = this.supervision.orderForBureau(id, bureau);
		assertThat(order.getStatus()).isEqualTo("OVERDUE");
		assertThat(order.lapsed).isTrue();
		assertThat(this.recognitions.summary(rec.id(), bureau).status()).isEqualTo("LAPSED");
		assertThat(this.recognitions.summary(rec.id(), bureau).announcement()).contains("逾期未完成整改");
	}

	@Test
	void liaoningFlagsAChangeReportedAfterAMonthAndNeedsAGivenDeadlineLanzhouNeverFlags() throws Exception {
		Holder h = operator("210112");
		AuthenticatedUser province = this.accounts.create(Role.PROVINCE, "210000").principal();
		Recognitions.Recognized rec = recognize(h, "辽宁变化测试空间" + N.get(), "210112", "PROVINCE",
				"liaoning-specialized-2019", "辽宁省科学技术厅", province);
		LocalDate today = ChinaTime.today(this.clock);

		ConditionChange late = this.supervision.reportChange(rec.id(), "PREMISES", today.minusMonths(2), "搬迁至浑南区新址",
				h.operator());
		ConditionChange onTime = this.supervision.reportChange(rec.id(), "SCOPE", today.minusDays(10), "新增技术转移服务",
				h.operator());
		ConditionChange lastDay = this.supervision.reportChange(rec.id(), "OPERATOR", today.minusMonths(1), "法定代表人变更",
				h.operator());
		assertThat(late.late()).isTrue();
		assertThat(late.limitMonths()).isEqualTo(1);
		assertThat(onTime.late()).isFalse();
		assertThat(lastDay.late()).isFalse();
		assertThatThrownBy(
				() -> this.supervision.reportChange(rec.id(), "WEATHER", today.plusDays(1), "", h.operator()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKeys("kind", "occurredOn", "description"));
		Holder other = operator("210112");
		assertThatThrownBy(() -> this.supervision.reportChange(rec.id(), "PREMISES", today, "冒名", other.operator()))
			.isInstanceOf(NotFoundException.class);
		this.mvc.perform(get("/bureau/supervision").param("late", "true").with(user(province)))
			.andExpect(content().string(containsString("搬迁至浑南区新址")))
			.andExpect(content().string(not(containsString("新增技术转移服务"))));
		AuthenticatedUser lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		this.mvc.perform(get("/bureau/supervision").with(user(lanzhou)))
			.andExpect(content().string(not(containsString("搬迁至浑南区新址"))));

		this.mvc
			.perform(post("/bureau/supervision/orders").param("number", rec.number())
				.param("reason", "年度评价不合格")
				.with(user(province))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("该政策未规定整改期限")));
		String location = this.mvc
			.perform(post("/bureau/supervision/orders").param("number", rec.number())
				.param("reason", "年度评价不合格")
				.param("deadline", today.plusDays(45).toString())
				.with(user(province))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(this.supervision.orderForBureau(id, province).deadline).isEqualTo(today.plusDays(45));
		this.supervision.answer(id, 0, "已整改", h.operator());
		this.supervision.decide(id, 1, false, "仍不合格", province);
		assertThat(this.supervision.orderForBureau(id, province).lapsed).isFalse();
		assertThat(this.recognitions.summary(rec.id(), province).status()).isEqualTo("ACTIVE");

		Holder lz = operator("620102");
		Recognitions.Recognized lzRec = recognize(lz, "兰州变化测试空间" + N.get(), "620102", "CITY", "lanzhou-2018",
				"兰州市科学技术局", lanzhou);
		assertThat(this.supervision.reportChange(lzRec.id(), "PREMISES", today.minusYears(2), "两年前搬迁", lz.operator())
			.late()).isFalse();
	}

}
