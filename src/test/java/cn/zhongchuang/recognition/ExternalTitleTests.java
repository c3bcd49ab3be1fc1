package cn.zhongchuang.recognition;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 外部认定: recorded with its document and scan by a user at city level or above, shown as
 * external everywhere, counted like any title; every refusal at its field, nothing
 * written.
 */
@IntegrationTest
class ExternalTitleTests {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ExternalTitles external;

	@Autowired
	TitleFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static MockMultipartFile scan() {
		return new MockMultipartFile("evidence", "备案通知.pdf", "application/pdf", PDF);
	}

	static MockMultipartHttpServletRequestBuilder national(long institutionId, String document) {
		MockMultipartHttpServletRequestBuilder b = multipart("/api/v1/external-titles");
		b.param("institutionId", String.valueOf(institutionId))
			.param("level", "NATIONAL")
			.param("documentNumber", document)
			.param("documentDate", "2025-10-15")
			.param("authority", "科学技术部")
			.param("designation", "国家备案众创空间");
		return b;
	}

	long count(String sql, Object param) {
		return this.jdbc.sql(sql).param("p", param).query(Long.class).single();
	}

	@Test
	void aNationalFilingIsRecordedWithItsScanAndShowsAsExternalEverywhere() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("外部国家备案");
		AuthenticatedUser national = this.fixtures.account(Role.NATIONAL, "000000");
		String doc = "国科火字〔2025〕" + RecognitionTests.SUBJECT.incrementAndGet() + "号";

		String body = this.mvc
			.perform(national(titled.institutionId(), doc).file(scan()).with(user(national)).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("EXTERNAL"))
			.andExpect(jsonPath("$.level").value("NATIONAL"))
			.andExpect(jsonPath("$.documentNumber").value(doc))
			.andExpect(jsonPath("$.number").doesNotExist())
			.andExpect(jsonPath("$.verificationCode").isString())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
		String code = body.replaceAll(".*\"verificationCode\":\"([A-Z2-7]+)\".*", "$1");

		// stored as a recognition without a pack, with its scan, beside the district
		// title
		assertThat(this.jdbc
			.sql("SELECT source || '/' || coalesce(policy_id, '-') || '/' || level FROM recognition WHERE id = :p")
			.param("p", id)
			.query(String.class)
			.single()).isEqualTo("EXTERNAL/-/NATIONAL");
		assertThat(count("SELECT count(*) FROM attachment WHERE owner_type = 'external_title' AND owner_id = :p",
				String.valueOf(id)))
			.isEqualTo(1);
		assertThat(count("SELECT count(*) FROM recognition WHERE institution_id = :p AND status = 'ACTIVE'",
				titled.institutionId()))
			.isEqualTo(2);
		assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'RECOGNITION_EXTERNAL' AND object_id = :p",
				String.valueOf(id)))
			.isEqualTo(1);
		// the operator's members are told
		assertThat(count("SELECT count(*) FROM notification WHERE recipient_id = :p AND title LIKE '已登记外部认定%'",
				titled.org().account().id()))
			.isEqualTo(1);

		// the registry (API and page), the verification page, the institution's titles
		this.mvc.perform(get("/api/v1/registry").param("q", titled.org().name()).param("level", "NATIONAL"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].source").value("EXTERNAL"))
			.andExpect(jsonPath("$.items[0].policy").doesNotExist())
			.andExpect(jsonPath("$.items[0].institutionId").value(titled.institutionId()));
		this.mvc.perform(get("/registry").param("q", titled.org().name()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("外部认定")))
			.andExpect(content().string(containsString(doc)));
		this.mvc.perform(get("/verify/" + code))
			.andExpect(content().string(containsString("该称号为外部认定")))
			.andExpect(content().string(containsString(doc)));
		this.mvc.perform(get("/institutions/" + titled.institutionId() + "/titles").with(user(titled.bureau())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("国家备案众创空间")))
			.andExpect(content().string(containsString("外部认定")))
			.andExpect(content().string(containsString("/bureau/recognitions/" + id + "/evidence")));
		// the scan for the region's bureau, no certificate of this system
		this.mvc.perform(get("/bureau/recognitions/" + id + "/evidence").with(user(titled.bureau())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		this.mvc.perform(get("/bureau/recognitions/" + id + "/certificate.pdf").with(user(national)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(get("/bureau/recognitions/" + id + "/evidence")
				.with(user(this.fixtures.account(Role.CITY_BUREAU, "620100"))))
			.andExpect(status().isNotFound());
	}

	@Test
	void withoutAScanNothingIsRecordedAndTheRefusalNamesEvidence() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("外部缺证据");
		AuthenticatedUser national = this.fixtures.account(Role.NATIONAL, "000000");
		this.mvc.perform(national(titled.institutionId(), "国科火字〔2025〕7号").with(user(national)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("evidence"))
			.andExpect(jsonPath("$.errors[0].message", containsString("扫描件")));
		// a text file is no scan either: refused at the same field, and nothing is left
		// behind
		this.mvc
			.perform(national(titled.institutionId(), "国科火字〔2025〕8号")
				.file(new MockMultipartFile("evidence", "scan.pdf", "application/pdf", "not a pdf".getBytes()))
				.with(user(national))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("evidence"));
		assertThat(count("SELECT count(*) FROM recognition WHERE institution_id = :p", titled.institutionId()))
			.isEqualTo(1);

		// the page shows the message at the field
		this.mvc
			.perform(multipart("/bureau/recognitions/external")
				.param("institutionId", String.valueOf(titled.institutionId()))
				.param("level", "NATIONAL")
				.param("documentNumber", "国科火字〔2025〕9号")
				.param("documentDate", "2025-10-15")
				.param("authority", "科学技术部")
				.with(user(national))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("请上传认定文件的扫描件")));
	}

	@Test
	void aSecondActiveTitleAtTheLevelABadDateAndATakenNumberAreRefusedAtTheirFields() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("外部重复级别");
		AuthenticatedUser city = this.fixtures.account(Role.CITY_BUREAU, "110000");
		// a district title exists: another district title is refused at level
		this.mvc
			.perform(multipart("/api/v1/external-titles").file(scan())
				.param("institutionId", String.valueOf(titled.institutionId()))
				.param("level", "DISTRICT")
				.param("documentNumber", "朝科发〔2025〕3号")
				.param("documentDate", "2025-03-01")
				.param("authority", "北京市朝阳区科学技术委员会")
				.with(user(city))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"))
			.andExpect(jsonPath("$.errors[0].message", containsString("同一级别只能有一个有效称号")));
		this.mvc
			.perform(multipart("/api/v1/external-titles").file(scan())
				.param("institutionId", String.valueOf(titled.institutionId()))
				.param("level", "CITY")
				.param("documentNumber", "京科发〔2025〕3号")
				.param("documentDate", "2025-02-30")
				.param("authority", "北京市科学技术委员会")
				.param("titleNumber", titled.title().number())
				.with(user(city))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'documentDate')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("格式不正确"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'titleNumber')].message")
				.value(org.hamcrest.Matchers.hasItem(containsString("已有登记"))));
		assertThat(count("SELECT count(*) FROM recognition WHERE institution_id = :p", titled.institutionId()))
			.isEqualTo(1);
	}

	@Test
	void anInstitutionKnownOnlyFromTheDocumentIsRegisteredWithTheTitle() {
		AuthenticatedUser province = this.fixtures.account(Role.PROVINCE, "210000");
		String code = TestOrganisations.creditCode("210100");
		Recognition r = this.external.record(
				new ExternalTitles.Form(null, "大连文件所列专业化众创空间", "MAKER_SPACE", "SPECIALIZED", "210211", "大连文件科技有限公司",
						code, "NATIONAL", "国科火字〔2024〕55号", "2024-11-20", "科学技术部", "国备众〔2024〕0088", null),
				new ExternalTitles.Evidence("scan.pdf", new ByteArrayInputStream(PDF), PDF.length), province);
		assertThat(r.number()).isEqualTo("国备众〔2024〕0088");
		assertThat(this.jdbc
			.sql("SELECT origin || '/' || region_code || '/' || operator_credit_code FROM institution WHERE id = :p")
			.param("p", r.request().institutionId())
			.query(String.class)
			.single()).isEqualTo("EXTERNAL/210211/" + code);
		// its region must be the user's
		assertThatThrownBy(() -> this.external.record(
				new ExternalTitles.Form(null, "兰州文件所列空间", "MAKER_SPACE", "COMPREHENSIVE", "620102", "兰州文件科技有限公司",
						TestOrganisations.creditCode("620100"), "NATIONAL", "国科火字〔2024〕56号", "2024-11-20", "科学技术部",
						null, null),
				new ExternalTitles.Evidence("scan.pdf", new ByteArrayInputStream(PDF), PDF.length), province))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKey("regionCode"));
	}

	@Test
	void onlyUsersAtCityLevelOrAboveOfTheRegionMayRecord() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("外部权限");
		// a district bureau (city bureau at a county code) records none
		this.mvc
			.perform(national(titled.institutionId(), "国科火字〔2025〕11号").file(scan())
				.with(user(this.fixtures.account(Role.CITY_BUREAU, "110105")))
				.with(csrf()))
			.andExpect(status().isNotFound());
		// another region's institution is not found
		this.mvc
			.perform(national(titled.institutionId(), "国科火字〔2025〕12号").file(scan())
				.with(user(this.fixtures.account(Role.PROVINCE, "210000")))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(national(titled.institutionId(), "国科火字〔2025〕13号").file(scan())
				.with(user(this.accounts.create(Role.OPERATOR, "110105").principal()))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> this.external.record(
				new ExternalTitles.Form(titled.institutionId(), null, null, null, null, null, null, "NATIONAL", "x",
						"2025-01-01", "科学技术部", null, null),
				new ExternalTitles.Evidence("s.pdf", new ByteArrayInputStream(PDF), PDF.length),
				this.fixtures.account(Role.COUNTY_REVIEWER, "110105")))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void anExternalTitleEndsAsItsAuthorityDecidesAndTheLevelIsFreeAgain() throws Exception {
		var titled = this.fixtures.lanzhouCity("外部失效");
		AuthenticatedUser province = this.fixtures.account(Role.PROVINCE, "620000");
		Recognition r = this.external.record(
				new ExternalTitles.Form(titled.institutionId(), null, null, null, null, null, null, "PROVINCE",
						"甘科高〔2024〕21号", "2024-05-10", "甘肃省科学技术厅", null, "甘肃省级众创空间"),
				new ExternalTitles.Evidence("s.pdf", new ByteArrayInputStream(PDF), PDF.length), province);
		this.mvc.perform(get("/bureau/recognitions/" + r.id() + "/end").with(user(province)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("甘科高〔2024〕21号")));
		this.mvc
			.perform(post("/bureau/recognitions/" + r.id() + "/end").param("outcome", "LAPSED")
				.param("reason", "")
				.param("announcement", "公告")
				.with(user(province))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("请填写撤销/失效原因")));
		this.mvc
			.perform(post("/bureau/recognitions/" + r.id() + "/end").param("outcome", "LAPSED")
				.param("reason", "甘肃省科学技术厅年度评价不合格，取消省级资格")
				.param("announcement", "经甘肃省科学技术厅评价，该空间省级众创空间资格失效。")
				.with(user(province))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT status FROM recognition WHERE id = :p")
			.param("p", r.id())
			.query(String.class)
			.single()).isEqualTo("LAPSED");
		// the pack's titles are ended by the pack's rules, not by this form
		this.mvc.perform(get("/bureau/recognitions/" + titled.title().id() + "/end").with(user(province)))
			.andExpect(status().isNotFound());
		// the level is free again
		Recognition again = this.external.record(
				new ExternalTitles.Form(titled.institutionId(), null, null, null, null, null, null, "PROVINCE",
						"甘科高〔2025〕5号", "2025-05-10", "甘肃省科学技术厅", null, null),
				new ExternalTitles.Evidence("s.pdf", new ByteArrayInputStream(PDF), PDF.length), province);
		assertThat(again.status()).isEqualTo(Recognition.Status.ACTIVE);
		this.mvc.perform(get("/registry").param("q", titled.org().name()).param("status", "LAPSED"))
			.andExpect(content().string(containsString("甘科高〔2024〕21号")))
			.andExpect(content().string(not(containsString("甘科高〔2025〕5号"))));
	}

}
