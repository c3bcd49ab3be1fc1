package cn.zhongchuang.sanction;

import java.util.List;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sanctions API and export: the register of the caller's region with the keyword and
 * bans-in-force filters, another region's sanction 404, a bad parameter 400 naming it,
 * formula cells escaped in the XLSX.
 */
@IntegrationTest
class SanctionApiTests {

	static final AtomicLong N = new AtomicLong(System.nanoTime() % 1_000_000 + 900_000);

	@Autowired
	MockMvc mvc;

	@Autowired
	Sanctions sanctions;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Test
	void theRegisterIsScopedFilteredAndExported() throws Exception {
		TestOrganisations.Registered org = this.organisations.register("110105", "处罚接口测试运营机构");
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		String name = "=cmd|' /C calc'!A0 空间" + N.incrementAndGet();
		Recognitions.Recognized rec = this.recognitions.recognize(new RecognitionRequest("application", N.get(), name,
				org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE", "DISTRICT", "110105",
				"beijing-chaoyang-2017", "北京市朝阳区科学技术委员会", LocalDate.of(2025, 6, 1)), bureau);
		Sanction s = this.sanctions.record(rec.id(), "虚报在孵企业数量", null, bureau);
		LocalDate today = this.sanctions.today();

		this.mvc.perform(get("/api/v1/sanctions").param("q", org.creditCode()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(s.id()))
			.andExpect(jsonPath("$.items[0].titleRevoked").value(true))
			.andExpect(jsonPath("$.items[0].banYears").value(5))
			.andExpect(jsonPath("$.items[0].banEndsOn").value(today.plusYears(5).toString()))
			.andExpect(jsonPath("$.items[0].banActive").value(true));
		this.mvc
			.perform(get("/api/v1/sanctions").param("q", org.creditCode()).param("active", "true").with(user(bureau)))
			.andExpect(jsonPath("$.total").value(1));
		this.mvc.perform(get("/api/v1/sanctions/" + s.id()).with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.finding").value("虚报在孵企业数量"))
			.andExpect(jsonPath("$.recognitionNumber").value(rec.number()));

		AuthenticatedUser lanzhou = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		this.mvc.perform(get("/api/v1/sanctions/" + s.id()).with(user(lanzhou)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/sanctions").param("q", org.creditCode()).with(user(lanzhou)))
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/sanctions").with(user(org.account().principal())))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/sanctions").param("active", "maybe").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("active"));
		this.mvc.perform(get("/api/v1/sanctions").param("page", "x").with(user(bureau)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));

		// the page's button exports what the page filters
		this.mvc
			.perform(get("/bureau/sanctions").param("q", org.creditCode()).param("active", "true").with(user(bureau)))
			.andExpect(content().string(containsString("/bureau/sanctions/export.xlsx?")))
			.andExpect(content().string(containsString("q=" + org.creditCode() + "&amp;active=true\"")));
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/bureau/sanctions/export.xlsx").param("q", org.creditCode())
					.param("active", "true")
					.with(user(bureau)));
		assertThat(sheet.get(0).get(0)).isEqualTo("认定编号");
		assertThat(sheet.get(0).get(9)).isEqualTo("禁止申请止");
		assertThat(sheet).hasSize(2);
		List<String> row = sheet.get(1);
		assertThat(row.get(0)).isEqualTo(rec.number());
		assertThat(row.get(1)).isEqualTo("'" + name);
		assertThat(row.get(3)).isEqualTo(org.creditCode());
		assertThat(row.get(7)).isEqualTo("是");
		assertThat(row.get(9)).isEqualTo(today.plusYears(5).toString());
		assertThat(Spreadsheets.download(this.mvc,
				get("/bureau/sanctions/export.xlsx").param("q", org.creditCode()).with(user(lanzhou))))
			.hasSize(1);
	}

}
