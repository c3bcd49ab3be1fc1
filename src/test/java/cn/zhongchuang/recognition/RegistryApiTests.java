package cn.zhongchuang.recognition;

import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.reference.CreditCodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public registry API, pages and the verification page, without signing in.
 */
@IntegrationTest
class RegistryApiTests {

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	Recognitions.Recognized recognize(String name, String region, String level, String policy, String authority,
			CurrentUser by) {
		long subject = RecognitionTests.SUBJECT.incrementAndGet();
		return this.recognitions.recognize(new RecognitionRequest("application", subject, name, name + "运营公司",
				CreditCodes.generate("9", "1", "210100", String.format("MC%06d", subject % 1_000_000)), "MAKER_SPACE",
				"SPECIALIZED", level, region, policy, authority, LocalDate.of(2026, 5, 20)), by);
	}

	@Test
	void theRegistryAnswersWithExactlyTheBoundFields() throws Exception {
		var province = this.accounts.create(Role.PROVINCE, "210000").principal();
		Recognitions.Recognized rec = recognize("字段齐全专业化众创空间", "210112", "PROVINCE", "liaoning-specialized-2019",
				"辽宁省科学技术厅", province);
		this.mvc.perform(get("/api/v1/registry").param("q", "字段齐全专业化"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].number").value(rec.number()))
			.andExpect(jsonPath("$.items[0].name").value("字段齐全专业化众创空间"))
			.andExpect(jsonPath("$.items[0].operator").value("字段齐全专业化众创空间运营公司"))
			.andExpect(jsonPath("$.items[0].creditCode").exists())
			.andExpect(jsonPath("$.items[0].kind").value("MAKER_SPACE"))
			.andExpect(jsonPath("$.items[0].specialization").value("SPECIALIZED"))
			.andExpect(jsonPath("$.items[0].level").value("PROVINCE"))
			.andExpect(jsonPath("$.items[0].region").value("210112"))
			.andExpect(jsonPath("$.items[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$.items[0].recognizedOn").value("2026-05-20"))
			.andExpect(jsonPath("$.items[0].policy").value("liaoning-specialized-2019"))
			.andExpect(jsonPath("$.items[0].institutionId").isNumber())
			.andExpect(jsonPath("$.items[0].source").value("SYSTEM"))
			.andExpect(jsonPath("$.items[0].*", hasSize(16)));
		this.mvc.perform(get("/api/v1/registry/" + rec.number()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("字段齐全专业化众创空间"));
	}

	@Test
	void filtersTakeTheRegionWithItsDescendantsTheLevelAndAKeyword() throws Exception {
		var province = this.accounts.create(Role.PROVINCE, "210000").principal();
		String tag = "筛选" + RecognitionTests.SUBJECT.incrementAndGet();
		recognize(tag + "浑南空间", "210112", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅", province);
		recognize(tag + "大连空间", "210211", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅", province);
		recognize(tag + "沈阳市级空间", "210102", "CITY", "liaoning-specialized-2019", "辽宁省科学技术厅", province);

		this.mvc.perform(get("/api/v1/registry").param("q", tag).param("region", "210100"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(tag + "浑南空间", tag + "沈阳市级空间")));
		this.mvc.perform(get("/api/v1/registry").param("q", tag).param("region", "210000").param("level", "PROVINCE"))
			.andExpect(jsonPath("$.items[*].name", containsInAnyOrder(tag + "浑南空间", tag + "大连空间")));
		this.mvc.perform(get("/api/v1/registry").param("q", tag).param("region", "620100"))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/registry").param("q", tag).param("size", "1").param("page", "2"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.page").value(2));
		this.mvc.perform(get("/registry").param("q", tag).param("region", "210100"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + "浑南空间")))
			.andExpect(content().string(not(containsString(tag + "大连空间"))));
	}

	@Test
	void anUnknownNumberIsA404Problem() throws Exception {
		this.mvc.perform(get("/api/v1/registry/不存在〔2026〕第999号"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail", containsString("不存在〔2026〕第999号")));
	}

	@Test
	void theVerificationPageConfirmsAValidCodeAndSaysWhenOneIsUnknown() throws Exception {
		var bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		Recognitions.Recognized rec = recognize("验证测试众创空间", "620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		this.mvc.perform(get("/verify/" + rec.verificationCode()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证书有效")))
			.andExpect(content().string(containsString("验证测试众创空间")))
			.andExpect(content().string(containsString(rec.number())));
		this.mvc.perform(get("/verify/ABCDEFGH2345"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("验证码“ABCDEFGH2345”不存在")))
			.andExpect(content().string(not(containsString("证书有效"))));
		this.mvc.perform(get("/verify").param("code", rec.verificationCode())).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/registry/" + rec.number()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("验证测试众创空间")))
			.andExpect(content().string(not(containsString(rec.verificationCode()))));
	}

	@Test
	void theDemoRegistryIsNotEmptyInAnyDemoRegion() throws Exception {
		for (String region : new String[] { "110105", "620100", "210000" }) {
			this.mvc.perform(get("/api/v1/registry").param("region", region).param("q", "众创空间"))
				.andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
		}
	}

}
