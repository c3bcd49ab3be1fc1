package cn.zhongchuang.tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.FieldErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 创业团队 as tenants: admitted without a credit code, the enterprise rules 不适用, and the
 * registration of a company that keeps the team's id and history (毕业团队注册企业).
 */
@IntegrationTest
class TeamTenantTests {

	static final LocalDate ADMITTED = LocalDate.of(2024, 1, 10);

	@Autowired
	Tenants tenants;

	@Autowired
	TenantCensus census;

	@Autowired
	TenantFigures figures;

	@Autowired
	ExitScan scan;

	@Autowired
	FilingImports imports;

	@Autowired
	FilingImportJobs jobs;

	@Autowired
	TenantTestOperators operators;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aTeamIsAdmittedIntoTheNurseryWithoutACreditCodeAndTheCriteriaSayNotApplicable() {
		var op = this.operators.operator("110105");
		long id = this.tenants.admitTeam(op.id(), team("星火创客团队", null), op.account().principal());

		Tenant t = this.tenants.visible(id, op.account().principal());
		assertThat(t.kind()).isEqualTo(TenantKind.TEAM);
		assertThat(t.creditCode()).isNull();
		assertThat(t.chainStage()).isEqualTo(ChainStage.NURSERY);
		assertThat(t.admissionOutcome()).isEqualTo("NOT_APPLICABLE");
		TenantView view = this.tenants.view(id, op.account().principal());
		assertThat(view.team().leader()).isEqualTo("李雷");
		assertThat(view.team().members()).containsExactly("韩梅梅", "王小明");
		assertThat(view.team().memberCount()).isEqualTo(3);
		assertThat(view.team().field()).isEqualTo("人工智能");
		assertThat(this.census.countsOf(List.of(t.institutionId())).get(t.institutionId()))
			.isEqualTo(new TenantCensus.Counts(1, 1, 0));
	}

	@Test
	void aTeamIsRefusedAStageTheInstitutionDoesNotOfferAndFieldsItLacks() {
		var op = this.operators.operator("110105");
		// the test institution is a maker space: 苗圃 and 孵化器
		assertThatThrownBy(
				() -> this.tenants.admitTeam(op.id(), team("加速团队", ChainStage.ACCELERATOR), op.account().principal()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("stage"));
		assertThatThrownBy(() -> this.tenants.admitTeam(op.id(),
				new TeamForm("无名团队", " ", List.of(), 1, "", ADMITTED, null, false, null), op.account().principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKeys("leader", "field"));
		long id = this.tenants.admitTeam(op.id(), team("孵化团队", ChainStage.INCUBATOR), op.account().principal());
		assertThat(this.tenants.visible(id, op.account().principal()).chainStage()).isEqualTo(ChainStage.INCUBATOR);
		assertThatThrownBy(
				() -> this.tenants.admitTeam(op.id(), team("孵化团队", ChainStage.NURSERY), op.account().principal()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("name"));
	}

	@Test
	void aBadCreditCodeAtRegistrationIsRefusedAtTheFieldAsProblemJson() throws Exception {
		var op = this.operators.operator("110105");
		long id = this.tenants.admitTeam(op.id(), team("校验团队", null), op.account().principal());
		String good = TenantTestOperators.creditCode("110105");
		String bad = good.substring(0, 17) + ((good.charAt(17) == '0') ? '1' : '0');

		this.mvc
			.perform(post("/api/v1/tenants/" + id + "/register-company").with(user(op.account().principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"companyName\":\"北京校验科技有限公司\",\"creditCode\":\"" + bad
						+ "\",\"registeredOn\":\"2026-06-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'creditCode')]").exists());
		this.mvc
			.perform(post("/api/v1/tenants/" + id + "/register-company").with(user(op.account().principal()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"creditCode\":\"" + good + "\",\"registeredOn\":\"not-a-date\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'registeredOn')]").exists());

		Tenant t = this.tenants.visible(id, op.account().principal());
		assertThat(t.kind()).isEqualTo(TenantKind.TEAM);
		assertThat(t.creditCode()).isNull();
		assertThat(t.version()).isZero();
	}

	@Test
	void aTeamThatRegistersKeepsItsIdAndHistoryAndCountsAsAGraduatedTeam() throws Exception {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		String body = "{\"name\":\"云途创业团队\",\"leader\":\"张伟\",\"members\":[\"刘洋\"],\"field\":\"智慧物流\","
				+ "\"admittedOn\":\"2024-01-10\",\"stage\":\"NURSERY\"}";
		String created = this.mvc
			.perform(post("/api/v1/tenants/teams").with(user(principal))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("TEAM"))
			.andExpect(jsonPath("$.creditCode").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
		long institution = this.tenants.visible(id, principal).institutionId();
		String code = TenantTestOperators.creditCode("110105");

		this.mvc
			.perform(post("/api/v1/tenants/" + id + "/register-company").with(user(principal))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\":0,\"companyName\":\"北京云途物流科技有限公司\",\"creditCode\":\"" + code
						+ "\",\"registeredOn\":\"2025-05-20\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(id))
			.andExpect(jsonPath("$.kind").value("ENTERPRISE"))
			.andExpect(jsonPath("$.creditCode").value(code))
			.andExpect(jsonPath("$.registeredFromTeamOn").value("2025-05-20"));

		TenantView view = this.tenants.view(id, principal);
		assertThat(view.tenant().name()).isEqualTo("北京云途物流科技有限公司");
		assertThat(view.team().name()).isEqualTo("云途创业团队");
		assertThat(view.moves()).extracting(TenantView.Move::note)
			.containsExactly("创业团队入孵", "创业团队注册企业：北京云途物流科技有限公司（" + code + "）");
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_event WHERE object_type = 'tenant' AND object_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("TENANT_ADMIT", "TENANT_REGISTER_COMPANY");
		assertThat(this.figures.sumsOf(2025, List.of(institution)).get(institution).graduatedTeams()).isEqualTo(1);
		assertThat(this.figures.sumsOf(2024, List.of(institution)).get(institution).graduatedTeams()).isZero();
		assertThat(this.census.countsOf(List.of(institution)).get(institution))
			.isEqualTo(new TenantCensus.Counts(1, 0, 0));
		// once is enough
		assertThatThrownBy(() -> this.tenants.registerCompany(id, 1, null, TenantTestOperators.creditCode("110105"),
				LocalDate.of(2025, 6, 1), principal))
			.isInstanceOf(cn.zhongchuang.platform.ConflictException.class);
		this.mvc.perform(get("/api/v1/tenants/" + id).with(user(principal)))
			.andExpect(jsonPath("$.kind").value("ENTERPRISE"));
		// its page: the registration day in words, and 否 where it signed no agreement
		this.mvc.perform(get("/tenants/" + id).with(user(principal)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2025年5月20日")))
			// its condition is the company it registered, no longer the team's verdict
			.andExpect(content().string(containsString("已注册企业：北京云途物流科技有限公司（统一社会信用代码 " + code + "），2025年5月20日注册")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("尚未注册企业"))))
			.andExpect(content()
				.string(org.hamcrest.Matchers.matchesPattern("(?s).*入孵协议签订日期</dt><dd class=\"col-8\">否</dd>.*")));
	}

	@Test
	void theExitScanSkipsTeamsAndCountsARegisteredTeamFromItsRegistration() {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		long team = this.tenants.admitTeam(op.id(), team("沉默团队", null), principal);
		long registered = this.tenants.admitTeam(op.id(), team("新注册团队", null), principal);
		this.tenants.registerCompany(registered, 0, "北京新注册科技有限公司", TenantTestOperators.creditCode("110105"),
				LocalDate.of(2026, 10, 15), principal);
		// an enterprise admitted the same day without a filing since: flagged
		long enterprise = this.tenants.admit(op.id(), TenantFixtures.eligible("北京沉默科技有限公司",
				TenantTestOperators.creditCode("110105"), ADMITTED, ADMITTED, false), principal);

		var statuses = this.scan.statuses(LocalDate.of(2026, 12, 1));

		assertThat(statuses).doesNotContainKey(team);
		assertThat(statuses.get(enterprise).status()).isEqualTo("CLEARANCE_DUE");
		// November 2026 is the one complete month after October's registration
		assertThat(statuses.get(registered).status()).isEqualTo("ACTIVE");
		assertThat(statuses.get(registered).monthsWithoutFiling()).isEqualTo(1);
		assertThat(this.scan.scan(LocalDate.of(2026, 12, 1)).teams()).isPositive();
	}

	@Test
	void aTaxFilingForAMonthTheTenantWasStillATeamIsRefused() throws IOException {
		var op = this.operators.operator("110105");
		var principal = op.account().principal();
		long id = this.tenants.admitTeam(op.id(), team("申报团队", null), principal);
		String code = TenantTestOperators.creditCode("110105");
		this.tenants.registerCompany(id, 0, "北京申报科技有限公司", code, LocalDate.of(2026, 5, 10), principal);
		Path file = Files.createTempFile(this.dir, "filings", ".csv");
		Files.writeString(file,
				String.join("\n", "统一社会信用代码,所属期,是否申报,实缴税额（元）", code + ",2026-04,是,100", code + ",2026-05,是,100") + "\n",
				StandardCharsets.UTF_8);

		FilingImportJob job = this.imports.importNow(principal, "team.csv", file);

		assertThat(job.status()).isEqualTo("REJECTED");
		assertThat(this.jobs.errors(job.id(), 10)).singleElement().satisfies((e) -> {
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.reason()).contains("不适用", "创业团队", "2026年5月10日");
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM tenant_tax_filing WHERE tenant_id = :t")
			.param("t", id)
			.query(Long.class)
			.single()).isZero();
	}

	static TeamForm team(String name, ChainStage stage) {
		return new TeamForm(name, "李雷", List.of("韩梅梅", "王小明"), null, "人工智能", ADMITTED, null, false, stage);
	}

}
