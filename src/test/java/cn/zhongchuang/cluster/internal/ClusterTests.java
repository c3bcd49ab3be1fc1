package cn.zhongchuang.cluster.internal;

import java.time.LocalDate;
import java.util.List;

import cn.zhongchuang.Spreadsheets;
import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.cluster.ClusterEvents;
import cn.zhongchuang.cluster.ClusterStatus;
import cn.zhongchuang.cluster.Clusters;
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
 * 众创集聚区: the rules of its members (no cluster, each once, within its region) and
 * providers, the recognition life cycle, the pages and the API, and the demo cluster.
 */
@IntegrationTest
@RecordApplicationEvents
class ClusterTests {

	static final String XUANWU = "320102";

	static final LocalDate TODAY = LocalDate.now(ChinaTime.ZONE);

	@Autowired
	MockMvc mvc;

	@Autowired
	ClusterService clusters;

	@Autowired
	Clusters api;

	@Autowired
	Institutions institutions;

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

	Place place(String kind, String region) {
		TestOrganisations.Registered org = this.organisations.register(region, "集聚区运营");
		InstitutionSummary i = this.institutions.register(
				new InstitutionForm(org.name() + "的" + kind, kind, "MAKER_SPACE".equals(kind) ? "COMPREHENSIVE" : null,
						List.of(), null, region, "测试路 9 号", false, null, LocalDate.of(2020, 1, 1), List.of()),
				org.account().principal());
		return new Place(org, i);
	}

	static List<ClusterService.ProviderForm> providers() {
		return List.of(
				new ClusterService.ProviderForm("测试知识产权代理有限公司", TestOrganisations.creditCode(XUANWU),
						"INTELLECTUAL_PROPERTY"),
				new ClusterService.ProviderForm("测试天使投资有限公司", TestOrganisations.creditCode(XUANWU),
						"ANGEL_INVESTMENT"));
	}

	java.util.Map<String, String> refusal(Place cluster, List<Long> members, List<ClusterService.ProviderForm> ps) {
		try {
			this.clusters.register(cluster.id(), members, ps, cluster.operator());
		}
		catch (FieldErrorException ex) {
			return ex.errors();
		}
		throw new AssertionError("the registration was not refused");
	}

	@Test
	void aMemberThatIsItselfAClusterIsRefused() {
		Place cluster = place("MAKER_SPACE_CLUSTER", XUANWU);
		Place other = place("MAKER_SPACE_CLUSTER", XUANWU);
		assertThat(refusal(cluster, List.of(other.id()), providers()).get("members[1]"))
			.isEqualTo("第1个成员「" + other.institution().name() + "」本身是众创集聚区，不能作为集聚区的成员");
	}

	@Test
	void aMemberTwiceIsRefused() {
		Place cluster = place("MAKER_SPACE_CLUSTER", XUANWU);
		Place space = place("MAKER_SPACE", XUANWU);
		assertThat(refusal(cluster, List.of(space.id(), space.id()), providers()).get("members[2]"))
			.isEqualTo("第2个成员「" + space.institution().name() + "」已是第1个成员，同一载体只能加入一次");
	}

	@Test
	void aMemberOutsideTheClustersRegionIsRefused() {
		Place cluster = place("MAKER_SPACE_CLUSTER", XUANWU);
		Place inside = place("INCUBATOR", XUANWU);
		Place outside = place("INCUBATOR", "320104");
		assertThat(refusal(cluster, List.of(inside.id(), outside.id()), providers()).get("members[2]"))
			.isEqualTo("第2个成员「" + outside.institution().name() + "」位于江苏省 南京市 秦淮区，不在集聚区所在的江苏省 南京市 玄武区内");
	}

	@Test
	void onlyAClusterInstitutionIsRegisteredOnceWithValidProviders() {
		Place space = place("MAKER_SPACE", XUANWU);
		Place member = place("INCUBATOR", XUANWU);
		assertThatThrownBy(
				() -> this.clusters.register(space.id(), List.of(member.id()), providers(), space.operator()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors().get("institutionId"))
				.isEqualTo("「" + space.institution().name() + "」不是众创集聚区类型的载体"));
		Place cluster = place("MAKER_SPACE_CLUSTER", XUANWU);
		java.util.Map<String, String> errors = refusal(cluster, List.of(member.id()),
				List.of(new ClusterService.ProviderForm("坏代码服务机构", "91320102ABCDEFGHIJ", "LEGAL"),
						new ClusterService.ProviderForm("无类型服务机构", TestOrganisations.creditCode(XUANWU), "")));
		assertThat(errors.get("providers[1].creditCode")).startsWith("第1家服务机构：");
		assertThat(errors.get("providers[2].serviceKind")).isEqualTo("第2家服务机构：请选择服务类型");
		String code = TestOrganisations.creditCode(XUANWU);
		assertThat(refusal(cluster, List.of(member.id()),
				List.of(new ClusterService.ProviderForm("甲", code, "LEGAL"),
						new ClusterService.ProviderForm("乙", code, "FINANCE")))
			.get("providers[2].creditCode")).contains("第2家服务机构「乙」的统一社会信用代码已登记");
		assertThat(refusal(cluster, List.of(), providers()).get("members")).isEqualTo("众创集聚区至少要有一个成员载体");

		Cluster saved = this.clusters.register(cluster.id(), List.of(member.id()), providers(), cluster.operator());
		assertThat(saved.members()).containsExactly(member.id());
		assertThat(saved.providers()).hasSize(2);
		assertThatThrownBy(
				() -> this.clusters.register(cluster.id(), List.of(member.id()), providers(), cluster.operator()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors().get("institutionId"))
				.isEqualTo("「" + cluster.institution().name() + "」已登记为众创集聚区"));
		// a member added later follows the same rules
		assertThatThrownBy(() -> this.clusters.addMember(saved.id(), member.id(), cluster.operator()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("memberId")).contains("已是第1个成员"));
		Place second = place("NURSERY", XUANWU);
		assertThat(this.clusters.addMember(saved.id(), second.id(), cluster.operator()).members())
			.containsExactly(member.id(), second.id());
	}

	@Test
	void theProvinceRecognizesAndRevokesWithConfirmationAuditAndEvents() throws Exception {
		Place cluster = place("MAKER_SPACE_CLUSTER", XUANWU);
		Place member = place("MAKER_SPACE", XUANWU);
		Cluster saved = this.clusters.register(cluster.id(), List.of(member.id()), providers(), cluster.operator());
		TestAccounts.Account province = this.accounts.create(Role.PROVINCE, "320000");
		TestAccounts.Account city = this.accounts.create(Role.CITY_BUREAU, "320100");
		String number = "苏科集〔2026〕" + saved.id() + "号";
		assertThatThrownBy(() -> this.clusters.recognize(saved.id(), 0, number, TODAY, true, city.principal()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.clusters.recognize(saved.id(), 0, number, TODAY, false, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("confirm")).contains("认定后该载体即为众创集聚区"));
		this.mvc
			.perform(post("/clusters/{id}/recognize", saved.id()).with(user(province.principal()))
				.with(csrf())
				.param("version", "0")
				.param("number", number)
				.param("recognizedOn", TODAY.toString())
				.param("confirm", "true"))
			.andExpect(status().is3xxRedirection());
		Cluster recognized = this.clusters.get(saved.id(), province.principal());
		assertThat(recognized.status()).isEqualTo(ClusterStatus.RECOGNIZED);
		assertThat(recognized.authority()).isEqualTo("江苏省科学技术厅");
		assertThat(this.api.recognizedWithin("320100")).extracting("id").contains(saved.id());
		assertThat(this.events.stream(ClusterEvents.ClusterRecognized.class).filter((e) -> e.clusterId() == saved.id()))
			.hasSize(1);
		assertThat(audited("CLUSTER_RECOGNIZE", saved.id())).isEqualTo(1);
		assertThatThrownBy(
				() -> this.clusters.refuse(saved.id(), recognized.version(), "不符合", true, province.principal()))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(
				() -> this.clusters.revoke(saved.id(), recognized.version(), "服务机构已退出", false, province.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("confirm")).contains("撤销后该载体不再是众创集聚区"));
		this.clusters.revoke(saved.id(), recognized.version(), "服务机构已退出", true, province.principal());
		assertThat(this.clusters.get(saved.id(), province.principal()).status()).isEqualTo(ClusterStatus.REVOKED);
		assertThat(this.api.recognizedWithin("320000")).extracting("id").doesNotContain(saved.id());
		assertThat(audited("CLUSTER_REVOKE", saved.id())).isEqualTo(1);
		assertThat(this.events.stream(ClusterEvents.ClusterRevoked.class).filter((e) -> e.clusterId() == saved.id()))
			.hasSize(1);
	}

	@Test
	void theApiAndPagesShowMembersProvidersAndRecognition() throws Exception {
		Place cluster = place("MAKER_SPACE_CLUSTER", XUANWU);
		Place member = place("INCUBATOR", XUANWU);
		Cluster saved = this.clusters.register(cluster.id(), List.of(member.id()), providers(), cluster.operator());
		TestAccounts.Account province = this.accounts.create(Role.PROVINCE, "320000");
		this.mvc.perform(get("/api/v1/clusters/{id}", saved.id()).with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.institutionId").value(cluster.id()))
			.andExpect(jsonPath("$.status").value("APPLIED"))
			.andExpect(jsonPath("$.members[0].institutionId").value(member.id()))
			.andExpect(jsonPath("$.members[0].kind").value("INCUBATOR"))
			.andExpect(jsonPath("$.serviceProviders.length()").value(2))
			.andExpect(jsonPath("$.serviceProviders[0].serviceKind").value("INTELLECTUAL_PROPERTY"));
		this.mvc
			.perform(get("/api/v1/clusters").param("region", XUANWU)
				.param("q", cluster.institution().name())
				.with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(saved.id()));
		this.mvc.perform(get("/api/v1/clusters").param("status", "FILED").with(user(province.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(content().string(containsString("status")));
		this.mvc.perform(get("/api/v1/clusters/x1").with(user(province.principal())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		TestOrganisations.Registered stranger = this.organisations.register("620102", "外地运营");
		this.mvc.perform(get("/api/v1/clusters/{id}", saved.id()).with(user(stranger.account().principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/clusters/{id}", saved.id()).with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(member.institution().name())))
			.andExpect(content().string(containsString("知识产权")))
			.andExpect(content().string(containsString("天使投资")))
			.andExpect(content().string(containsString("id=\"recognize-form\"")))
			.andExpect(content().string(not(containsString("INTELLECTUAL_PROPERTY"))));
		this.mvc.perform(get("/clusters").param("q", cluster.institution().name()).with(user(province.principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("待认定")))
			.andExpect(content().string(containsString("共 1 条")));
		// 导出 Excel of what is filtered: the cluster with its member and provider counts,
		// status in Chinese
		List<List<String>> sheet = Spreadsheets.download(this.mvc,
				get("/clusters/export.xlsx").param("q", cluster.institution().name()).with(user(province.principal())));
		assertThat(sheet.get(0)).startsWith("集聚区名称", "所在地区", "成员载体", "服务机构", "状态");
		assertThat(sheet).hasSize(2);
		assertThat(sheet.get(1).get(0)).isEqualTo(cluster.institution().name());
		assertThat(sheet.get(1).get(4)).isEqualTo("待认定");
		assertThat(Spreadsheets.download(this.mvc,
				get("/clusters/export.xlsx").param("q", "没有这个集聚区").with(user(province.principal()))))
			.hasSize(1);
		// the page form refuses a cluster as a member with the message at the place
		Place other = place("MAKER_SPACE_CLUSTER", XUANWU);
		this.mvc
			.perform(post("/clusters").with(user(other.org().account().principal()))
				.with(csrf())
				.param("institutionId", String.valueOf(other.id()))
				.param("memberId", String.valueOf(cluster.id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("本身是众创集聚区，不能作为集聚区的成员")));
	}

	@Test
	void theDemoClusterIsRecognizedWithMembersAndTwoProviders() {
		Long id = this.jdbc.sql("SELECT id FROM cluster WHERE name = '玄武区众创集聚区'")
			.query(Long.class)
			.optional()
			.orElseThrow();
		Cluster c = this.clusters.get(id, this.accounts.create(Role.PROVINCE, "320000").principal());
		assertThat(c.status()).isEqualTo(ClusterStatus.RECOGNIZED);
		assertThat(c.members()).hasSize(3);
		assertThat(c.providers()).hasSize(2);
	}

	long audited(String action, long id) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = :a AND object_type = 'cluster' AND object_id = :id")
			.param("a", action)
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single();
	}

}
