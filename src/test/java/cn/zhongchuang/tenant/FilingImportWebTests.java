package cn.zhongchuang.tenant;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page and the API: upload answers at once (202 with the job id), the job runs in the
 * background and its state is polled; errors come back as JSON, on the page and as an
 * XLSX report; templates download; another operator's import is 404; the result reaches
 * the message centre.
 */
@IntegrationTest
class FilingImportWebTests {

	static final String HEADER = "统一社会信用代码,所属期,是否申报,实缴税额（元）";

	@Autowired
	MockMvc mvc;

	@Autowired
	FilingImportFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theApiAcceptsAFileAndTheJobFinishesInTheBackground() throws Exception {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		AuthenticatedUser principal = op.account().principal();

		MvcResult accepted = this.mvc
			.perform(multipart("/api/v1/tax-filings/imports").file(csv("ok.csv", HEADER, a + ",2026-02,是,88"))
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(header().exists("Location"))
			.andReturn();
		long id = this.json.readTree(accepted.getResponse().getContentAsString()).get("id").asLong();

		JsonNode job = await(id, principal);
		assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.get("rowsWritten").asInt()).isEqualTo(1);
		assertThat(this.fixtures.filings(List.of(a))).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND link = :link")
			.param("u", op.account().id())
			.param("link", "/tax-filings/imports/" + id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRejectedUploadShowsItsErrorsOnThePageInJsonAndAsAnXlsxReport() throws Exception {
		var op = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		AuthenticatedUser principal = op.account().principal();

		MvcResult redirect = this.mvc
			.perform(multipart("/tax-filings/imports")
				.file(csv("bad.csv", HEADER, a + ",2025-13,是,1", "=cmd|' /C calc'!A0,2026-01,是,1"))
				.with(user(principal))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = redirect.getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(await(id, principal).get("status").asString()).isEqualTo("REJECTED");

		this.mvc.perform(get("/api/v1/tax-filings/imports/" + id + "/errors").with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].line").value(2))
			.andExpect(jsonPath("$[0].column").value("所属期"))
			.andExpect(jsonPath("$[1].line").value(3));
		String page = this.mvc.perform(get(location).with(user(principal)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("未通过校验").contains("2025-13").contains("月份应为 01–12").contains("errors.xlsx");

		byte[] report = this.mvc.perform(get(location + "/errors.xlsx").with(user(principal)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).contains("月份");
			// the formula-like value stays text
			assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).startsWith("'=");
		}
	}

	@Test
	void anotherOperatorsImportIsNotFoundAndTemplatesDownload() throws Exception {
		var op = this.fixtures.operator("110105");
		var other = this.fixtures.operator("110105");
		String a = this.fixtures.tenant(op);
		MvcResult accepted = this.mvc
			.perform(multipart("/api/v1/tax-filings/imports").file(csv("ok.csv", HEADER, a + ",2026-02,是,1"))
				.with(user(op.account().principal()))
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andReturn();
		long id = this.json.readTree(accepted.getResponse().getContentAsString()).get("id").asLong();
		await(id, op.account().principal());

		this.mvc.perform(get("/api/v1/tax-filings/imports/" + id).with(user(other.account().principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/tax-filings/imports/" + id).with(user(other.account().principal())))
			.andExpect(status().isNotFound());
		var expert = this.accounts.create(Role.EXPERT, "110105");
		this.mvc.perform(get("/tax-filings/imports").with(user(expert.principal()))).andExpect(status().isNotFound());

		this.mvc.perform(get("/tax-filings/imports").with(user(op.account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("ok.csv")));
		this.mvc.perform(get("/tax-filings/imports").with(user(other.account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("ok.csv"))));
		// 导入记录 is a shared list: 共 N 条, sortable headers, and its export holds the own
		// imports only
		this.mvc.perform(get("/tax-filings/imports").param("sort", "file").with(user(op.account().principal())))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("共 1 条")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-zc-sort=\"file\"")));
		for (var who : List.of(op, other)) {
			byte[] history = this.mvc
				.perform(get("/tax-filings/imports/export.xlsx").with(user(who.account().principal())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(history))) {
				Sheet sheet = wb.getSheetAt(0);
				assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("文件");
				assertThat(sheet.getLastRowNum()).isEqualTo((who == op) ? 1 : 0);
				if (who == op) {
					assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("ok.csv");
					assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("已导入");
				}
			}
		}
		byte[] csv = this.mvc.perform(get("/tax-filings/imports/template.csv").with(user(op.account().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFF统一社会信用代码");
		byte[] xlsx = this.mvc.perform(get("/tax-filings/imports/template.xlsx").with(user(op.account().principal())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
		}
	}

	@Test
	void uploadingNothingIsAFieldError() throws Exception {
		var op = this.fixtures.operator("110105");
		this.mvc.perform(multipart("/tax-filings/imports").with(user(op.account().principal())).with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("请选择要导入的文件")));
		this.mvc.perform(multipart("/api/v1/tax-filings/imports").with(user(op.account().principal())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	private JsonNode await(long id, AuthenticatedUser principal) throws Exception {
		for (int i = 0; i < 300; i++) {
			String body = this.mvc.perform(get("/api/v1/tax-filings/imports/" + id).with(user(principal)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			JsonNode job = this.json.readTree(body);
			String s = job.get("status").asString();
			if (!s.equals("QUEUED") && !s.equals("RUNNING")) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	private static MockMultipartFile csv(String name, String... lines) {
		return new MockMultipartFile("file", name, "text/csv",
				(String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
	}

}
