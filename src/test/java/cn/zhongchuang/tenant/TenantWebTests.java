package cn.zhongchuang.tenant;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.platform.Xlsx;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages, API and export of the tenant module, with their scopes. */
@IntegrationTest
class TenantWebTests {

	static final LocalDate ADMITTED = LocalDate.of(2025, 4, 1);

	@Autowired
	MockMvc mvc;

	@Autowired
	Tenants tenants;

	@Autowired
	TenantTestOperators operators;

	@Autowired
	TestAccounts accounts;

	@Test
	void theOperatorAdmitsThroughTheFormWithALiveCheck() throws Exception {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		String code = TenantTestOperators.creditCode("110105");

		this.mvc
			.perform(post("/tenants/check").param("name", "北京表单科技有限公司")
				.param("creditCode", code)
				.param("admittedOn", "2025-04-01")
				.param("employees", "400")
				.param("industry", "SOFTWARE_IT")
				.param("revenueWan", "30000")
				.param("officeInSpace", "true")
				.header("HX-Request", "true")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"verdict\"")))
			.andExpect(content().string(containsString("第 6.2 条")))
			.andExpect(content().string(containsString("不符合")));
		this.mvc
			.perform(post("/tenants").param("name", "北京表单科技有限公司")
				.param("creditCode", code)
				.param("admittedOn", "2025-04-01")
				.param("agreementDate", "2025-04-01")
				.param("officeInSpace", "true")
				.param("industry", "SOFTWARE_IT")
				.param("employees", "10")
				.param("revenueWan", "200")
				.param("totalAssetsWan", "100")
				.param("technologyInnovative", "false")
				.param("staffWithCollegeDegree", "6")
				.param("keyIndustry", "互联网+")
				.with(user(principal))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/tenants/*"));
		this.mvc.perform(get("/tenants").param("keyword", "表单科技").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京表单科技有限公司")));
		// the filter bar sends empty choices for 全部
		this.mvc
			.perform(get("/tenants").param("keyword", "表单科技")
				.param("status", "")
				.param("stage", "")
				.header("HX-Request", "true")
				.with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京表单科技有限公司")));
		this.mvc.perform(get("/tenants").param("status", "GRADUATED").param("keyword", "表单科技").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("北京表单科技有限公司"))));
		this.mvc
			.perform(post("/tenants").param("name", "北京坏阶段科技有限公司")
				.param("creditCode", TenantTestOperators.creditCode("110105"))
				.param("admittedOn", "2025-04-01")
				.param("stage", "MOON")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("孵化阶段无效")));
	}

	@Test
	void anotherOperatorAndAnotherCountySeeNotFound() throws Exception {
		var op = this.operators.operator("110105");
		long id = admit(op, "北京范围科技有限公司");
		var other = this.operators.operator("110105");
		var haidian = this.accounts.create(Role.COUNTY_REVIEWER, "110108").principal();
		var chaoyang = this.accounts.create(Role.CITY_BUREAU, "110105").principal();

		this.mvc.perform(get("/tenants/" + id).with(user(op.account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("北京范围科技有限公司")));
		this.mvc.perform(get("/tenants/" + id).with(user(other.account().principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/tenants/" + id).with(user(haidian))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/tenants/" + id).with(user(haidian))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/tenants/" + id).with(user(chaoyang)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("北京范围科技有限公司"))
			.andExpect(jsonPath("$.chainStage").value("INCUBATOR"));
		this.mvc.perform(get("/api/v1/tenants").param("keyword", "范围科技").with(user(haidian)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/tenants").param("keyword", "范围科技").with(user(chaoyang)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		this.mvc
			.perform(post("/tenants/" + id + "/graduate").param("version", "0")
				.param("on", "2026-01-01")
				.with(user(other.account().principal()))
				.with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStaleVersionAnswers409() throws Exception {
		var op = this.operators.operator("110105");
		long id = admit(op, "北京并发科技有限公司");
		var principal = op.account().principal();

		this.mvc
			.perform(post("/tenants/" + id + "/move").param("version", "0")
				.param("stage", "ACCELERATOR")
				.param("on", "2025-10-01")
				.with(user(principal))
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/tenants/*"));
		this.mvc
			.perform(post("/tenants/" + id + "/graduate").param("version", "0")
				.param("on", "2026-01-01")
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/tenants/" + id).with(user(principal)))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void theExportHoldsWhatIsFilteredWithFormulasEscaped() throws Exception {
		var op = this.operators.operator("110105");
		admit(op, "=HYPERLINK(\"http://evil.example\",\"点我\")");
		admit(op, "@SUM(1+1)科技");
		admit(op, "北京普通科技有限公司");
		long gone = admit(op, "-2+3 科技有限公司");
		this.tenants.graduate(gone, 0, LocalDate.of(2026, 1, 1), op.account().principal());

		byte[] xlsx = this.mvc
			.perform(get("/tenants/export.xlsx").param("status", "ACTIVE").with(user(op.account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().contentType(Xlsx.CONTENT_TYPE))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业名称");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			java.util.List<String> names = new java.util.ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(0).getCellType()).isEqualTo(CellType.STRING);
				names.add(sheet.getRow(r).getCell(0).getStringCellValue());
			}
			assertThat(names).containsExactlyInAnyOrder("'=HYPERLINK(\"http://evil.example\",\"点我\")", "'@SUM(1+1)科技",
					"北京普通科技有限公司");
		}
		assertThat(Xlsx.escape("+1")).isEqualTo("'+1");
		assertThat(Xlsx.escape("-1")).isEqualTo("'-1");
		assertThat(Xlsx.escape("\tx")).isEqualTo("'\tx");
		assertThat(Xlsx.escape("\rx")).isEqualTo("'\rx");
		assertThat(Xlsx.escape("a=b")).isEqualTo("a=b");
	}

	@Test
	void onlyTheBureauScansOnDemand() throws Exception {
		var op = this.operators.operator("110105");
		this.mvc.perform(post("/tenants/exit-scan").with(user(op.account().principal())).with(csrf()))
			.andExpect(status().isForbidden());
		var bureau = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		this.mvc.perform(post("/tenants/exit-scan").with(user(bureau)).with(csrf()))
			.andExpect(redirectedUrlPattern("/tenants/exit-findings*"));
		this.mvc.perform(get("/tenants/exit-findings").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"scan-now\"")))
			.andExpect(content().string(not(containsString("confirm-clearance"))));
		// the findings are a shared list: sortable, with a checked date range and its
		// export
		this.mvc.perform(
				get("/tenants/exit-findings").param("from", "2026-05-01").param("to", "2026-04-01").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-zc-sort=\"monthsWithoutTax\"")))
			.andExpect(content().string(containsString("截止日期不能早于起始日期")));
		byte[] xlsx = this.mvc
			.perform(get("/tenants/exit-findings/export.xlsx").param("sort", "name").with(user(bureau)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(Xlsx.CONTENT_TYPE))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(9).getStringCellValue()).isEqualTo("处理");
		}
	}

	@Test
	void theTenantListSortsPagesAndFiltersByAdmissionDateWithinItsScope() throws Exception {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		admitOn(op, "北京甲列表科技有限公司", LocalDate.of(2025, 1, 10));
		admitOn(op, "北京乙列表科技有限公司", LocalDate.of(2025, 3, 10));
		admitOn(op, "北京丙列表科技有限公司", LocalDate.of(2025, 5, 10));
		var other = this.operators.operator("110105");
		admitOn(other, "北京他人列表科技有限公司", LocalDate.of(2025, 6, 10));

		// newest admitted first, one per page, 共 3 条 of the operator's own only
		String first = this.mvc.perform(get("/tenants").param("keyword", "列表").param("size", "1").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共 3 条")))
			.andExpect(content().string(containsString("data-zc-sort=\"admitted\"")))
			.andExpect(content().string(not(containsString("北京他人列表科技有限公司"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("北京丙列表科技有限公司").doesNotContain("北京甲列表科技有限公司");
		// sorted by 入孵日期 ascending, the last page is the newest
		this.mvc
			.perform(get("/tenants").param("keyword", "列表")
				.param("sort", "admitted")
				.param("dir", "asc")
				.param("size", "1")
				.param("page", "3")
				.with(user(principal)))
			.andExpect(content().string(containsString("北京丙列表科技有限公司")))
			.andExpect(content().string(not(containsString("北京乙列表科技有限公司"))));
		// the date range on 入孵日期
		this.mvc
			.perform(get("/tenants").param("keyword", "列表")
				.param("from", "2025-02-01")
				.param("to", "2025-04-30")
				.with(user(principal)))
			.andExpect(content().string(containsString("共 1 条")))
			.andExpect(content().string(containsString("北京乙列表科技有限公司")));
		// a sort key outside the whitelist falls back to the default, never into SQL
		this.mvc.perform(get("/tenants").param("sort", "name; DROP TABLE tenant").with(user(principal)))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/tenants").param("keyword", "列表")
				.param("sort", "admitted")
				.param("dir", "asc")
				.with(user(principal)))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[0].name").value("北京甲列表科技有限公司"));
	}

	private void admitOn(TenantTestOperators.Operator op, String name, LocalDate on) {
		this.tenants.admit(op.id(),
				TenantFixtures.eligible(name, TenantTestOperators.creditCode("110105"), on, on, false),
				op.account().principal());
	}

	private long admit(TenantTestOperators.Operator op, String name) {
		return this.tenants.admit(op.id(),
				TenantFixtures.eligible(name, TenantTestOperators.creditCode("110105"), ADMITTED, ADMITTED, false),
				op.account().principal());
	}

}
