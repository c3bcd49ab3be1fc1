package cn.zhongchuang.chain.internal;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.chain.ChainEvents;
import cn.zhongchuang.chain.ChainStatus;
import cn.zhongchuang.chain.Chains;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.institution.InstitutionForm;
import cn.zhongchuang.institution.InstitutionSummary;
import cn.zhongchuang.institution.Institutions;
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.tenant.TenantFixtures;
import cn.zhongchuang.tenant.Tenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
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
 * 孵化链条试点: the refusals of an application (each naming the link in Chinese), the moves
 * counted from the tenant records, the designation life cycle by the jurisdiction's
 * authority, the pages and the API, and the demo pilot.
 */
@IntegrationTest
@RecordApplicationEvents
class ChainTests {

	static final String XUANWU = "320102";

	static final LocalDate TODAY = LocalDate.now(ChinaTime.ZONE);

	@Autowired
	MockMvc mvc;

	@Autowired
	ChainService chains;

	@Autowired
	Chains api;

	@Autowired
	Institutions institutions;

	@Autowired
	Tenants tenants;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	record Place(TestOrganisations.Registered org, InstitutionSummary institution) {

		CurrentUser operator() {
			return this.org.account().principal();
		}

		long id() {
			return this.institution.id();
		}

	}

	/**
	 * Institution names in Chinese, so that the page's own words can be checked for enum
	 * codes.
	 */
	private static final java.util.Map<String, String> KIND_NAMES = java.util.Map.of("NURSERY", "苗圃", "INCUBATOR",
			"孵化器", "ACCELERATOR", "加速器", "INDUSTRIAL_PARK", "产业园", "MAKER_SPACE", "众创空间", "MAKER_SPACE_CLUSTER", "集聚区",
			"UNIVERSITY_SCIENCE_PARK", "科技园");

	Place place(String kind, String stage, String region) {
		TestOrganisations.Registered org = this.organisations.register(region, "链条运营");
		InstitutionSummary i = this.institutions
			.register(new InstitutionForm(org.name() + "的" + KIND_NAMES.getOrDefault(kind, "载体"), kind, null, List.of(),
					null, region, "测试路 8 号", false, null, LocalDate.of(2020, 1, 1),
					(stage != null) ? List.of(stage) : List.of()), org.account().principal());
		return new Place(org, i);
	}

	static ChainService.Application links(String name, List<Place> places, List<String> stages) {
		return new ChainService.Application(name, places.stream().map(Place::id).toList(), stages);
	}

	String refusal(ChainService.Application form, CurrentUser by, String field) {
		try {
			this.chains.apply(form, by);
		}
		catch (FieldErrorException ex) {
			assertThat(ex.errors()).containsKey(field);
			return ex.errors().get(field);
		}
		throw new AssertionError("the application was not refused");
	}

	@Test
	void stagesOutOfOrderAreRefusedNamingTheLinkAndBothStages() {
		Place accelerator = place("ACCELERATOR", "ACCELERATOR", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		String message = refusal(links("倒序链条", List.of(accelerator, incubator), List.of("ACCELERATOR", "INCUBATOR")),
				accelerator.operator(), "links[2].stage");
		assertThat(message)
			.isEqualTo("第2个载体「" + incubator.institution().name() + "」的阶段「孵化器」不能排在「加速器」之后：链条须按 苗圃→孵化器→加速器→产业园 的顺序依次递进");
		assertThat(count("倒序链条")).isZero();
	}

	@Test
	void aStageTheInstitutionDoesNotOfferIsRefused() {
		Place nursery = place("NURSERY", "NURSERY", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		String message = refusal(links("错阶段链条", List.of(nursery, incubator), List.of("INCUBATOR", "ACCELERATOR")),
				nursery.operator(), "links[1].stage");
		assertThat(message).isEqualTo("第1个载体「" + nursery.institution().name() + "」不提供「孵化器」阶段（该载体提供：苗圃）");
		assertThatThrownBy(() -> this.chains.apply(
				links("错阶段链条", List.of(nursery, incubator), List.of("INCUBATOR", "ACCELERATOR")), nursery.operator()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("links[2].stage")).contains("第2个载体").contains("不提供「加速器」阶段"));
	}

	@Test
	void theSameInstitutionTwiceIsRefused() {
		Place space = place("UNIVERSITY_SCIENCE_PARK", null, XUANWU);
		String message = refusal(links("重复链条", List.of(space, space), List.of("NURSERY", "INCUBATOR")),
				space.operator(), "links[2].institutionId");
		assertThat(message).isEqualTo("第2个载体「" + space.institution().name() + "」已是链条的第1个载体，同一载体在链条中只能出现一次");
	}

	@Test
	void fewerThanTwoStagesAreRefused() {
		Place nursery = place("NURSERY", "NURSERY", XUANWU);
		assertThat(refusal(links("单阶段", List.of(nursery), List.of("NURSERY")), nursery.operator(), "links"))
			.isEqualTo("孵化链条至少要有两个阶段（现有 1 个）");
	}

	@Test
	void aChainWhereNoAuthorityDesignatesPilotsIsRefused() {
		Place nursery = place("NURSERY", "NURSERY", "620102");
		Place incubator = place("INCUBATOR", "INCUBATOR", "620102");
		assertThat(refusal(links("兰州链条", List.of(nursery, incubator), List.of("NURSERY", "INCUBATOR")),
				nursery.operator(), "links"))
			.isEqualTo("链条载体所在地区没有开展孵化链条试点的主管部门，不能申请");
	}

	@Test
	void theFormAnswers422WithTheMessageAtTheLink() throws Exception {
		Place accelerator = place("ACCELERATOR", "ACCELERATOR", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		this.mvc
			.perform(post("/chains").with(user(accelerator.org().account().principal()))
				.with(csrf())
				.param("name", "页面倒序链条")
				.param("institutionId", String.valueOf(accelerator.id()), String.valueOf(incubator.id()))
				.param("stage", "ACCELERATOR", "INCUBATOR"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不能排在「加速器」之后")))
			.andExpect(content().string(containsString("第2个载体")));
	}

	@Test
	void movesAlongTheChainAreCountedForwardOnly() {
		Place nursery = place("NURSERY", "NURSERY", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		Place accelerator = place("ACCELERATOR", "ACCELERATOR", XUANWU);
		// moved: left the nursery, admitted to the incubator ten days later
		String moved = TestOrganisations.creditCode(XUANWU);
		long m1 = admit(nursery, "流转企业", moved, TODAY.minusDays(300));
		this.tenants.graduate(m1, 0, TODAY.minusDays(200), nursery.operator());
		admit(incubator, "流转企业", moved, TODAY.minusDays(190));
		// stayed: in the incubator only
		admit(incubator, "未流转企业", TestOrganisations.creditCode(XUANWU), TODAY.minusDays(150));
		// backwards: left the accelerator, then admitted to the nursery
		String back = TestOrganisations.creditCode(XUANWU);
		long b1 = admit(accelerator, "回流企业", back, TODAY.minusDays(300));
		this.tenants.exit(b1, 0, TODAY.minusDays(200), "主动退出", accelerator.operator());
		admit(nursery, "回流企业", back, TODAY.minusDays(100));
		// in two places at once: admitted to the accelerator before it left the incubator
		String overlap = TestOrganisations.creditCode(XUANWU);
		long o1 = admit(incubator, "重叠企业", overlap, TODAY.minusDays(120));
		admit(accelerator, "重叠企业", overlap, TODAY.minusDays(80));
		this.tenants.graduate(o1, 0, TODAY.minusDays(60), incubator.operator());

		Chain chain = this.chains.apply(
				links("流转链条", List.of(nursery, incubator, accelerator), List.of("NURSERY", "INCUBATOR", "ACCELERATOR")),
				nursery.operator());
		ChainMoves.Count count = this.chains.moves(chain);
		assertThat(count.total()).isEqualTo(1);
		assertThat(count.byPair()).containsExactlyEntriesOf(java.util.Map.of("NURSERY→INCUBATOR", 1L));
		ChainMoves.Move move = count.moves().get(0);
		assertThat(move.creditCode()).isEqualTo(moved);
		assertThat(move.fromInstitution()).isEqualTo(nursery.id());
		assertThat(move.toInstitution()).isEqualTo(incubator.id());
		assertThat(move.leftOn()).isEqualTo(TODAY.minusDays(200));
		assertThat(move.admittedOn()).isEqualTo(TODAY.minusDays(190));
	}

	@Test
	void theProvinceDesignatesRefusesAndRevokesWithConfirmationAuditAndEvents() throws Exception {
		Place nursery = place("NURSERY", "NURSERY", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		TestAccounts.Account province = this.accounts.create(Role.PROVINCE, "320000");
		TestAccounts.Account city = this.accounts.create(Role.CITY_BUREAU, "320100");
		Chain chain = this.chains.apply(links("试点链条", List.of(nursery, incubator), List.of("NURSERY", "INCUBATOR")),
				nursery.operator());
		assertThat(chain.status()).isEqualTo(ChainStatus.APPLIED);
		assertThat(chain.authorityRegion()).isEqualTo("320000");
		String number = "苏科高〔2026〕" + chain.id() + "号";

		// the city sees it but does not decide
		assertThatThrownBy(() -> this.chains.designate(chain.id(), 0, number, TODAY, true, city.principal()))
			.isInstanceOf(AccessDeniedException.class);
		// without the confirmation: refused, naming the consequence
		assertThatThrownBy(() -> this.chains.designate(chain.id(), 0, number, TODAY, false, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("confirm")).contains("认定后该链条即为试点"));
		assertThatThrownBy(
				() -> this.chains.designate(chain.id(), 0, number, TODAY.plusDays(1), true, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("designatedOn")).isEqualTo("认定日期不能晚于今天"));

		this.mvc
			.perform(post("/chains/{id}/designate", chain.id()).with(user(province.principal()))
				.with(csrf())
				.param("version", "0")
				.param("number", number)
				.param("designatedOn", TODAY.toString())
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection());
		Chain designated = this.chains.get(chain.id(), province.principal());
		assertThat(designated.status()).isEqualTo(ChainStatus.DESIGNATED);
		assertThat(designated.number()).isEqualTo(number);
		assertThat(designated.designatedOn()).isEqualTo(TODAY);
		assertThat(designated.authority()).isEqualTo("江苏省科学技术厅");
		assertThat(this.api.find(chain.id()).orElseThrow().pilot()).isTrue();
		assertThat(this.api.designatedWithin("320100")).extracting("id").contains(chain.id());
		assertThat(this.events.stream(ChainEvents.ChainDesignated.class).filter((e) -> e.chainId() == chain.id()))
			.hasSize(1);
		assertThat(audited("CHAIN_DESIGNATE", chain.id())).isEqualTo(1);
		// decided once
		assertThatThrownBy(() -> this.chains.designate(chain.id(), designated.version(), number + "甲", TODAY, true,
				province.principal()))
			.isInstanceOf(ConflictException.class);

		// the number of a pilot is not given twice
		Place other = place("ACCELERATOR", "ACCELERATOR", XUANWU);
		Chain second = this.chains.apply(links("第二条链条", List.of(incubator, other), List.of("INCUBATOR", "ACCELERATOR")),
				incubator.operator());
		assertThatThrownBy(() -> this.chains.designate(second.id(), 0, number, TODAY, true, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("number")).isEqualTo("试点编号「" + number + "」已被使用"));
		this.chains.refuse(second.id(), 0, "加速器尚未投入运营", true, province.principal());
		assertThat(this.chains.get(second.id(), province.principal()).refusalReason()).isEqualTo("加速器尚未投入运营");
		assertThat(this.events.stream(ChainEvents.ChainRefused.class).filter((e) -> e.chainId() == second.id()))
			.hasSize(1);

		// revocation: a reason and the confirmation of its consequence
		assertThatThrownBy(() -> this.chains.revoke(chain.id(), designated.version(), " ", true, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("reason")).isEqualTo("请填写撤销的理由"));
		assertThatThrownBy(
				() -> this.chains.revoke(chain.id(), designated.version(), "链条已不再运营", false, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("confirm")).contains("撤销后该链条不再是试点"));
		this.chains.revoke(chain.id(), designated.version(), "链条已不再运营", true, province.principal());
		Chain revoked = this.chains.get(chain.id(), province.principal());
		assertThat(revoked.status()).isEqualTo(ChainStatus.REVOKED);
		assertThat(revoked.revocationReason()).isEqualTo("链条已不再运营");
		assertThat(revoked.number()).isEqualTo(number);
		assertThat(this.api.designatedWithin("320000")).extracting("id").doesNotContain(chain.id());
		assertThat(audited("CHAIN_REVOKE", chain.id())).isEqualTo(1);
		assertThat(this.events.stream(ChainEvents.ChainRevoked.class).filter((e) -> e.chainId() == chain.id()))
			.hasSize(1);
	}

	@Test
	void theApiGivesStagesDesignationAndMovesAndAnswersBadInputWithProblems() throws Exception {
		Place nursery = place("NURSERY", "NURSERY", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		String moved = TestOrganisations.creditCode(XUANWU);
		long m1 = admit(nursery, "接口流转企业", moved, TODAY.minusDays(100));
		this.tenants.graduate(m1, 0, TODAY.minusDays(50), nursery.operator());
		admit(incubator, "接口流转企业", moved, TODAY.minusDays(50));
		Chain chain = this.chains.apply(links("接口链条", List.of(nursery, incubator), List.of("NURSERY", "INCUBATOR")),
				nursery.operator());
		TestAccounts.Account province = this.accounts.create(Role.PROVINCE, "320000");
		this.chains.designate(chain.id(), 0, "苏科接口〔" + chain.id() + "〕号", TODAY, true, province.principal());

		this.mvc.perform(get("/api/v1/chains/{id}", chain.id()).with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("接口链条"))
			.andExpect(jsonPath("$.status").value("DESIGNATED"))
			.andExpect(jsonPath("$.region").value(XUANWU))
			.andExpect(jsonPath("$.designation.number").value("苏科接口〔" + chain.id() + "〕号"))
			.andExpect(jsonPath("$.designation.designatedOn").value(TODAY.toString()))
			.andExpect(jsonPath("$.designation.authority").value("江苏省科学技术厅"))
			.andExpect(jsonPath("$.stages[0].stage").value("NURSERY"))
			.andExpect(jsonPath("$.stages[1].institutionId").value(incubator.id()))
			.andExpect(jsonPath("$.moves.total").value(1))
			.andExpect(jsonPath("$.moves.byPair['NURSERY→INCUBATOR']").value(1))
			.andExpect(jsonPath("$.moves.items[0].creditCode").value(moved))
			.andExpect(jsonPath("$.moves.items[0].leftOn").value(TODAY.minusDays(50).toString()));
		this.mvc
			.perform(get("/api/v1/chains").param("region", XUANWU)
				.param("status", "DESIGNATED")
				.param("q", "接口链条")
				.with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(chain.id()))
			.andExpect(jsonPath("$.items[0].moves.total").value(1));
		// the operator of a link sees it; an operator elsewhere does not
		this.mvc.perform(get("/api/v1/chains/{id}", chain.id()).with(user(incubator.org().account().principal())))
			.andExpect(status().isOk());
		TestOrganisations.Registered stranger = this.organisations.register("320104", "无关运营");
		this.mvc.perform(get("/api/v1/chains/{id}", chain.id()).with(user(stranger.account().principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/chains").param("status", "PILOT").with(user(province.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("status")));
		this.mvc.perform(get("/api/v1/chains").param("region", "32010X").with(user(province.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("region")));
		this.mvc.perform(get("/api/v1/chains").param("size", "0").with(user(province.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/api/v1/chains/abc").with(user(province.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("id")));
		this.mvc.perform(get("/api/v1/chains/999999999").with(user(province.principal())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theListAndDetailPagesShowStagesDesignationAndMovesInChinese() throws Exception {
		Place nursery = place("NURSERY", "NURSERY", XUANWU);
		Place incubator = place("INCUBATOR", "INCUBATOR", XUANWU);
		String moved = TestOrganisations.creditCode(XUANWU);
		long m1 = admit(nursery, "页面流转企业", moved, TODAY.minusDays(100));
		this.tenants.graduate(m1, 0, TODAY.minusDays(40), nursery.operator());
		admit(incubator, "页面流转企业", moved, TODAY.minusDays(30));
		Chain chain = this.chains.apply(links("页面链条", List.of(nursery, incubator), List.of("NURSERY", "INCUBATOR")),
				nursery.operator());
		TestAccounts.Account province = this.accounts.create(Role.PROVINCE, "320000");
		this.mvc.perform(get("/chains").param("q", "页面链条").with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面链条")))
			.andExpect(content().string(containsString("待审核")))
			.andExpect(content().string(containsString("1 家次")))
			.andExpect(content().string(containsString("共 1 条")));
		// 导出 Excel of what is filtered: this chain's row in Chinese, and nothing for a
		// keyword that finds nothing
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/chains/export.xlsx").param("q", "页面链条").with(user(province.principal())));
		assertThat(sheet.get(0)).startsWith("链条名称", "阶段", "所在地区", "状态");
		assertThat(sheet).hasSize(2);
		assertThat(sheet.get(1)).startsWith("页面链条", "苗圃→孵化器", "江苏省 南京市 玄武区", "待审核");
		assertThat(Spreadsheets.download(this.mvc,
				get("/chains/export.xlsx").param("q", "没有这条链条").with(user(province.principal()))))
			.hasSize(1);
		this.mvc.perform(get("/chains/{id}", chain.id()).with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("苗圃→孵化器：1 家次")))
			.andExpect(content().string(containsString("页面流转企业")))
			.andExpect(content().string(containsString("江苏省科学技术厅")))
			.andExpect(content().string(containsString("id=\"designate-form\"")))
			.andExpect(content().string(containsString(ChinaTime.format(TODAY.minusDays(40)))))
			.andExpect(content().string(not(containsString(TODAY.minusDays(40).toString()))))
			.andExpect(content().string(not(containsString("NURSERY"))));
		// the operator sees its chain but no decision forms
		this.mvc.perform(get("/chains/{id}", chain.id()).with(user(nursery.org().account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"designate-form\""))));
		// the operator's form
		this.mvc.perform(get("/chains/new").with(user(nursery.org().account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(nursery.institution().name())));
	}

	@Test
	void theDemoPilotIsDesignatedWithTheCompanyThatMovedAlongIt() {
		Long id = this.jdbc.sql("SELECT id FROM chain WHERE name = :n")
			.param("n", DemoChains.CHAIN)
			.query(Long.class)
			.optional()
			.orElseThrow();
		Chain chain = this.chains.get(id, this.accounts.create(Role.PROVINCE, "320000").principal());
		assertThat(chain.status()).isEqualTo(ChainStatus.DESIGNATED);
		assertThat(chain.links()).extracting(Chain.Link::stage).containsExactly("NURSERY", "INCUBATOR", "ACCELERATOR");
		ChainMoves.Count moves = this.chains.moves(chain);
		assertThat(moves.total()).isEqualTo(2);
		assertThat(moves.byPair()).containsEntry("NURSERY→INCUBATOR", 1L).containsEntry("INCUBATOR→ACCELERATOR", 1L);
		assertThat(moves.moves()).extracting(ChainMoves.Move::name).containsOnly("南京星链智能科技有限公司");
	}

	long admit(Place place, String name, String code, LocalDate on) {
		return this.tenants.admitInto(place.id(), TenantFixtures.eligible(name, code, on, on, false), place.operator());
	}

	long count(String name) {
		return this.jdbc.sql("SELECT count(*) FROM chain WHERE name = :n").param("n", name).query(Long.class).single();
	}

	long audited(String action, long id) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'chain' AND object_id = :id")
			.param("a", action)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

}
