package cn.zhongchuang.supervision;

import java.util.List;

import java.time.LocalDate;

import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rectification-order and condition-change API and the orders export: the bureau's
 * region, the operator's own organisation, 404 for anything else, bad parameters 400
 * naming them, formula cells escaped.
 */
@IntegrationTest
class SupervisionApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Supervision supervision;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestClock clock;

	Recognitions.Recognized recognize(TestOrganisations.Registered org, String region, String level, String policy,
			String authority, AuthenticatedUser bureau) {
		return this.recognitions.recognize(new RecognitionRequest("application", SupervisionTests.N.incrementAndGet(),
				"监管接口测试空间" + SupervisionTests.N.get(), org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE",
				level, region, policy, authority, LocalDate.of(2025, 6, 1)), bureau);
	}

	@Test
	void ordersAreScopedFilteredAndExported() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("110105", "监管接口测试运营机构");
		TestOrganisations.Registered stranger = this.organisations.register("110105", "监管接口测试运营机构");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		Recognitions.Recognized rec = recognize(org, "110105", "DISTRICT", "beijing-chaoyang-2017", "北京市朝阳区科学技术委员会",
				bureau);
		String reason = "=HYPERLINK(\"http://x\") 考核不合格 " + rec.number();
		RectificationOrder order = this.supervision.issue(rec.id(), reason, null, bureau);

		this.mvc.perform(get("/api/v1/rectification-orders").param("q", rec.number()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(order.id))
			.andExpect(jsonPath("$.items[0].status").value("OPEN"))
			.andExpect(jsonPath("$.items[0].deadline").value(order.deadline.toString()));
		this.mvc
			.perform(get("/api/v1/rectification-orders").param("q", rec.number())
				.param("status", "ANSWERED")
				.with(user(bureau)))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/rectification-orders").with(user(org.account().principal())))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].recognitionNumber").value(rec.number()));
		this.mvc.perform(get("/api/v1/rectification-orders/" + order.id).with(user(org.account().principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reason").value(reason));
		this.mvc.perform(get("/api/v1/rectification-orders").with(user(stranger.account().principal())))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/rectification-orders/" + order.id).with(user(stranger.account().principal())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		AuthenticatedUser lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		this.mvc.perform(get("/api/v1/rectification-orders/" + order.id).with(user(lanzhou)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/rectification-orders").param("q", rec.number()).with(user(lanzhou)))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/rectification-orders").param("status", "FOO").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));

		this.mvc.perform(get("/bureau/supervision").param("status", "OPEN").with(user(bureau)))
			.andExpect(content().string(containsString("/bureau/supervision/export.xlsx?status=OPEN")));
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/supervision/export.xlsx").param("q", rec.number())
					.param("status", "OPEN")
					.with(user(bureau)));
		assertThat(sheet.get(0).get(0)).isEqualTo("认定编号");
		assertThat(sheet.get(0).get(5)).isEqualTo("整改事由");
		assertThat(sheet.get(0).get(7)).isEqualTo("整改期限");
		assertThat(sheet).hasSize(2);
		List<String> row = sheet.get(1);
		assertThat(row.get(0)).isEqualTo(rec.number());
		assertThat(row.get(5)).isEqualTo("'" + reason);
		assertThat(row.get(7)).isEqualTo(order.deadline.toString());
		assertThat(row.get(8)).isEqualTo("整改中");
	}

	@Test
	void lateChangesAreListedForTheRegionAndTheOperatorOnly() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("210281", "变化接口测试运营机构");
		AuthenticatedUser province = this.accounts.create(Role.PROVINCE, "210000").principal();
		Recognitions.Recognized rec = recognize(org, "210281", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅",
				province);
		LocalDate today = ChinaTime.today(this.clock);
		ConditionChange late = this.supervision.reportChange(rec.id(), "PREMISES", today.minusMonths(3),
				"迁址 " + rec.number(), org.account().principal());
		ConditionChange onTime = this.supervision.reportChange(rec.id(), "SCOPE", today.minusDays(3),
				"新增服务 " + rec.number(), org.account().principal());
		assertThat(late.late()).isTrue();

		this.mvc
			.perform(get("/api/v1/condition-changes").param("late", "true").param("size", "200").with(user(province)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(late.id().intValue())))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(onTime.id().intValue()))));
		this.mvc
			.perform(get("/api/v1/condition-changes").param("late", "false").param("size", "200").with(user(province)))
			.andExpect(jsonPath("$.items[*].id", hasItem(onTime.id().intValue())))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(late.id().intValue()))));
		this.mvc.perform(get("/api/v1/condition-changes").with(user(org.account().principal())))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[?(@.id == " + late.id() + ")].limitMonths").value(1));
		TestOrganisations.Registered other = this.organisations.register("210281", "变化接口测试运营机构");
		this.mvc.perform(get("/api/v1/condition-changes").with(user(other.account().principal())))
			.andExpect(jsonPath("$.total").value(0));
		AuthenticatedUser lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		this.mvc.perform(get("/api/v1/condition-changes").param("size", "200").with(user(lanzhou)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(late.id().intValue()))));
		this.mvc.perform(get("/api/v1/condition-changes").param("late", "soon").with(user(province)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("late"));
	}

}
