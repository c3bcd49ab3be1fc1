package cn.zhongchuang.expert;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Draws with conflict exclusion, reproducible randomness, alternates, who may open what,
 * sealed scoring and its results, validation next to the field, optimistic locking.
 */
@IntegrationTest
class ExpertPanelTests {

	@Autowired
	ExpertFixtures fixtures;

	@Autowired
	ExpertPanels panels;

	@Autowired
	ExpertPool pool;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDrawExcludesEachKindOfConflictAndRecordsWhy() {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		Expert sameEmployer = this.fixtures.expert(bureau, "同单位专家", "浙江测试大学", field, List.of());
		Expert mentor = this.fixtures.expert(bureau, "导师甲", "某咨询公司", field, List.of());
		Expert investor = this.fixtures.expert(bureau, "投资方专家", "杭州测试投资有限公司", field, List.of());
		Expert tenantStaff = this.fixtures.expert(bureau, "在孵企业专家", "杭州测试在孵企业有限公司", field, List.of());
		Expert declared = this.fixtures.expert(bureau, "申报回避专家", "无关研究院", field, List.of("杭州测试众创空间有限公司"));
		Expert clean1 = this.fixtures.expert(bureau, "无冲突专家一", "甲大学", field, List.of());
		Expert clean2 = this.fixtures.expert(bureau, "无冲突专家二", "乙大学", field, List.of());

		var drawn = this.panels.draw(ExpertFixtures.subject("c1"), ExpertFixtures.SHEET, 2, 0, Set.of(field), null,
				bureau.principal());

		assertThat(drawn.members()).containsExactlyInAnyOrder(clean1.id(), clean2.id());
		Map<Long, String> reasons = new java.util.HashMap<>();
		drawn.excluded().forEach((x) -> reasons.put(x.expertId(), x.reason()));
		assertThat(reasons).containsOnlyKeys(sameEmployer.id(), mentor.id(), investor.id(), tenantStaff.id(),
				declared.id());
		assertThat(reasons.get(sameEmployer.id())).contains("同单位");
		assertThat(reasons.get(mentor.id())).contains("创业导师");
		assertThat(reasons.get(investor.id())).contains("投资");
		assertThat(reasons.get(tenantStaff.id())).contains("在孵企业");
		assertThat(reasons.get(declared.id())).contains("申报回避");
		assertThat(this.jdbc.sql("SELECT count(*) FROM expert_panel_exclusion WHERE panel_id = :p")
			.param("p", drawn.panelId())
			.query(Long.class)
			.single()).isEqualTo(5);
		String audit = this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'EXPERT_PANEL_DRAW' AND object_id = :id")
			.param("id", String.valueOf(drawn.panelId()))
			.query(String.class)
			.single();
		assertThat(audit).contains("同单位专家").contains("申报回避").contains("随机种子 " + drawn.seed());
	}

	@Test
	void tooFewEligibleExpertsIsAFieldError() {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		this.fixtures.expert(bureau, "唯一专家", "甲大学", field, List.of());
		assertThatThrownBy(() -> this.panels.draw(ExpertFixtures.subject("few"), ExpertFixtures.SHEET, 2, 0,
				Set.of(field), null, bureau.principal()))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("members")).contains("只有 1 名"));
	}

	@Test
	void drawsAreRandomButReproducibleWithASeed() {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		for (int i = 0; i < 10; i++) {
			this.fixtures.expert(bureau, "专家" + i, "单位" + i, field, List.of());
		}
		var first = this.panels.draw(ExpertFixtures.subject("s1"), ExpertFixtures.SHEET, 3, 2, Set.of(field), 20261122L,
				bureau.principal());
		var again = this.panels.draw(ExpertFixtures.subject("s2"), ExpertFixtures.SHEET, 3, 2, Set.of(field), 20261122L,
				bureau.principal());
		assertThat(again.members()).containsExactlyElementsOf(first.members());
		assertThat(again.alternates()).containsExactlyElementsOf(first.alternates());
		assertThat(first.seed()).isEqualTo(20261122L);
		java.util.Set<List<Long>> outcomes = new java.util.HashSet<>();
		for (long seed = 1; seed <= 6; seed++) {
			outcomes.add(
					this.panels
						.draw(ExpertFixtures.subject("r" + seed), ExpertFixtures.SHEET, 3, 0, Set.of(field), seed,
								bureau.principal())
						.members());
		}
		assertThat(outcomes).hasSizeGreaterThan(1);
	}

	@Test
	void anAlternateReplacesAMemberWhoDeclines() {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		for (int i = 0; i < 3; i++) {
			this.fixtures.expert(bureau, "候补测试" + i, "单位" + i, field, List.of());
		}
		var drawn = this.panels.draw(ExpertFixtures.subject("alt"), ExpertFixtures.SHEET, 2, 1, Set.of(field), 7L,
				bureau.principal());
		Panel panel = this.panels.visible(drawn.panelId(), bureau.principal());
		PanelMember leaving = panel.memberFor(drawn.members().get(0)).orElseThrow();

		this.panels.decline(drawn.panelId(), leaving.id(), "临时出差", bureau.principal());

		Panel after = this.panels.visible(drawn.panelId(), bureau.principal());
		assertThat(after.memberFor(drawn.members().get(0)).orElseThrow().status())
			.isEqualTo(PanelMember.Status.DECLINED);
		assertThat(after.memberFor(drawn.alternates().get(0)).orElseThrow().status())
			.isEqualTo(PanelMember.Status.ASSIGNED);
		PanelMember next = after.memberFor(drawn.members().get(1)).orElseThrow();
		assertThatThrownBy(() -> this.panels.decline(drawn.panelId(), next.id(), null, bureau.principal()))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("候补");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPERT_PANEL_REPLACE' AND object_id = :id")
			.param("id", String.valueOf(drawn.panelId()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anExpertOpensOnlyAssignedSubjectsAndNeverOneWithAConflict() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		var assigned = this.fixtures.linked(bureau, "受邀专家", field);
		var conflicted = this.accounts.create(Role.EXPERT, ExpertFixtures.CITY);
		this.pool.create(
				new ExpertForm("有冲突专家", List.of(field), "浙江测试大学", null, null, conflicted.username(), List.of()),
				bureau.principal());
		var outsider = this.fixtures.linked(bureau, "未抽中专家", ExpertFixtures.field());
		var drawn = this.panels.draw(ExpertFixtures.subject("auth"), ExpertFixtures.SHEET, 1, 0, Set.of(field), null,
				bureau.principal());
		assertThat(drawn.members()).containsExactly(assigned.expert().id());

		this.mvc.perform(get("/my-reviews/" + drawn.panelId()).with(user(assigned.account().principal())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("孵化场地")));
		for (var other : List.of(conflicted, outsider.account())) {
			this.mvc.perform(get("/my-reviews/" + drawn.panelId()).with(user(other.principal())))
				.andExpect(status().isNotFound());
			this.mvc.perform(scores(drawn.panelId(), 0, "50", "30").with(user(other.principal())))
				.andExpect(status().isNotFound());
			this.mvc.perform(get("/my-reviews").with(user(other.principal())))
				.andExpect(content().string(not(containsString("测试众创空间认定申请 auth"))));
		}
		// a bureau of another city sees neither the panel nor its experts
		var elsewhere = this.accounts.create(Role.CITY_BUREAU, "330200");
		this.mvc.perform(get("/expert-panels/" + drawn.panelId()).with(user(elsewhere.principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/expert-panels/" + drawn.panelId()).with(user(elsewhere.principal())))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/experts/" + assigned.expert().id()).with(user(elsewhere.principal())))
			.andExpect(status().isNotFound());
	}

	@Test
	void scoresStaySealedUntilEveryMemberHasSubmittedThenTheAggregateShows() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		var a = this.fixtures.linked(bureau, "评分专家甲", field);
		var b = this.fixtures.linked(bureau, "评分专家乙", field);
		var c = this.fixtures.linked(bureau, "评分专家丙", field);
		var drawn = this.panels.draw(ExpertFixtures.subject("seal"), ExpertFixtures.SHEET, 3, 0, Set.of(field), null,
				bureau.principal());
		long id = drawn.panelId();

		this.mvc.perform(scores(id, 0, "50", "30").with(user(a.account().principal())))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(scores(id, 0, "52", "30").with(user(b.account().principal())))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/api/v1/expert-panels/" + id).with(user(bureau.principal())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SEALED"))
			.andExpect(jsonPath("$.results").value(nullValue()))
			.andExpect(jsonPath("$.members[?(@.submitted == true)].name").value(org.hamcrest.Matchers.hasSize(2)))
			.andExpect(content().string(not(containsString("\"scores\""))));
		this.mvc.perform(get("/expert-panels/" + id).with(user(bureau.principal())))
			.andExpect(content().string(containsString("评分密封中")))
			.andExpect(content().string(not(containsString("平均总分"))));

		// a member may still revise while sealed (version moved on by the first
		// submission)
		this.mvc.perform(scores(id, 1, "50", "30").with(user(a.account().principal())))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(scores(id, 0, "20", "10").with(user(c.account().principal())))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/api/v1/expert-panels/" + id).with(user(bureau.principal())))
			.andExpect(jsonPath("$.status").value("REVEALED"))
			.andExpect(jsonPath("$.results.meanTotal").value(64.0))
			.andExpect(jsonPath("$.results.minTotal").value(30))
			.andExpect(jsonPath("$.results.maxTotal").value(82))
			.andExpect(jsonPath("$.results.median").value(80))
			.andExpect(jsonPath("$.results.items[0].mean").value(40.7))
			.andExpect(
					jsonPath("$.results.members[?(@.total == 30)].outlier").value(org.hamcrest.Matchers.contains(true)))
			.andExpect(jsonPath("$.results.members[?(@.total == 82)].outlier")
				.value(org.hamcrest.Matchers.contains(false)));
		this.mvc.perform(get("/expert-panels/" + id).with(user(bureau.principal())))
			.andExpect(content().string(containsString("平均总分 64.0 / 100")))
			.andExpect(content().string(containsString("zc-outlier")));

		// after the seal opens nothing changes
		this.mvc.perform(scores(id, 2, "60", "40").with(user(a.account().principal())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("评分已揭晓")));
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE action = 'EXPERT_SCORES_REVEAL' AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aScoreAboveTheItemsMaximumIsRefusedNextToTheField() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		var a = this.fixtures.linked(bureau, "校验专家", field);
		var drawn = this.panels.draw(ExpertFixtures.subject("max"), ExpertFixtures.SHEET, 1, 0, Set.of(field), null,
				bureau.principal());

		this.mvc.perform(scores(drawn.panelId(), 0, "61", "30").with(user(a.account().principal())))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("“孵化场地”的得分应在 0–60 分之间")))
			.andExpect(content().string(containsString("is-invalid")));
		this.mvc
			.perform(post("/api/v1/expert-panels/" + drawn.panelId() + "/scores").contentType("application/json")
				.content("{\"version\":0,\"scores\":{\"SITE\":\"10\",\"TEAM\":\"41\"},\"opinion\":\"好\"}")
				.with(user(a.account().principal()))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("score_TEAM")));
		assertThat(this.panels.visible(drawn.panelId(), bureau.principal()).status()).isEqualTo(Panel.Status.SEALED);
	}

	@Test
	void staleVersionsAreRefusedWithAClearMessage() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		var a = this.fixtures.linked(bureau, "并发专家", field);
		this.fixtures.linked(bureau, "并发专家二", field);
		var drawn = this.panels.draw(ExpertFixtures.subject("lock"), ExpertFixtures.SHEET, 2, 0, Set.of(field), null,
				bureau.principal());
		this.mvc.perform(scores(drawn.panelId(), 0, "50", "30").with(user(a.account().principal())))
			.andExpect(status().is3xxRedirection());
		// a second tab still holding version 0
		this.mvc.perform(scores(drawn.panelId(), 0, "10", "10").with(user(a.account().principal())))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("已被他人修改")));

		Expert e = a.expert();
		this.mvc
			.perform(post("/experts/" + e.id()).param("version", "0")
				.param("name", "改名一")
				.param("fields", field)
				.param("employer", "甲单位")
				.with(user(bureau.principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/experts/" + e.id()).param("version", "0")
				.param("name", "改名二")
				.param("fields", field)
				.param("employer", "乙单位")
				.with(user(bureau.principal()))
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThat(this.pool.get(e.id(), bureau.principal()).name()).isEqualTo("改名一");
	}

	@Test
	void thePoolListMasksPhonesAndDeactivationIsGuarded() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		Expert e = this.fixtures.expert(bureau, "电话专家", "丙单位", field, List.of());
		this.mvc.perform(get("/api/v1/experts").param("field", field).with(user(bureau.principal())))
			.andExpect(jsonPath("$.items[0].maskedPhone").value("139****1111"))
			.andExpect(content().string(not(containsString("13900001111"))));
		this.mvc.perform(get("/experts").param("field", field).with(user(bureau.principal())))
			.andExpect(content().string(containsString("139****1111")))
			.andExpect(content().string(not(containsString("13900001111"))));
		this.mvc
			.perform(post("/experts/" + e.id() + "/deactivate").param("version", "0")
				.with(user(bureau.principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/experts/" + e.id() + "/deactivate").param("version", "1")
				.with(user(bureau.principal()))
				.with(csrf()))
			.andExpect(status().isConflict());
		assertThatThrownBy(() -> this.panels.draw(ExpertFixtures.subject("inactive"), ExpertFixtures.SHEET, 1, 0,
				Set.of(field), null, bureau.principal()))
			.isInstanceOf(FieldErrorException.class);
		this.mvc
			.perform(post("/experts").param("name", "")
				.param("fields", "")
				.param("employer", "x")
				.param("username", "nobody-such")
				.with(user(bureau.principal()))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("请填写姓名")))
			.andExpect(content().string(containsString("未找到本辖区内该登录名的评审专家账号")));
		assertThatThrownBy(() -> this.pool.get(e.id(), this.accounts.create(Role.OPERATOR, "330106").principal()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void inspectionPhotosGoThroughTheAttachmentModuleAndStayWithThePanel() throws Exception {
		var bureau = this.fixtures.bureau();
		String field = ExpertFixtures.field();
		var a = this.fixtures.linked(bureau, "拍照专家", field);
		var outsider = this.fixtures.linked(bureau, "旁观专家", ExpertFixtures.field());
		var drawn = this.panels.draw(ExpertFixtures.subject("photo"), ExpertFixtures.SHEET, 1, 0, Set.of(field), null,
				bureau.principal());
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
				"png", png);
		var photo = new org.springframework.mock.web.MockMultipartFile("file", "现场.png", "image/png",
				png.toByteArray());
		var renamed = new org.springframework.mock.web.MockMultipartFile("file", "photo.png", "image/png",
				"MZ\u0090\u0000 not an image".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/my-reviews/" + drawn.panelId() + "/photos")
				.file(photo)
				.with(user(outsider.account().principal()))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/my-reviews/" + drawn.panelId() + "/photos")
				.file(renamed)
				.with(user(a.account().principal()))
				.with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attributeExists("toastError"));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.multipart("/my-reviews/" + drawn.panelId() + "/photos")
				.file(photo)
				.with(user(a.account().principal()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		long memberId = this.panels.visible(drawn.panelId(), bureau.principal())
			.memberFor(a.expert().id())
			.orElseThrow()
			.id();
		var refs = this.panels.photos(drawn.panelId(), memberId, a.account().principal());
		assertThat(refs).hasSize(1);
		assertThat(refs.get(0).ownerType()).isEqualTo("inspection");
		this.mvc
			.perform(get("/my-reviews/" + drawn.panelId() + "/photos/" + refs.get(0).id())
				.with(user(a.account().principal())))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/my-reviews/" + drawn.panelId() + "/photos/" + refs.get(0).id())
				.with(user(outsider.account().principal())))
			.andExpect(status().isNotFound());
		// sealed: the bureau does not see the photos yet
		this.mvc
			.perform(get("/expert-panels/" + drawn.panelId() + "/members/" + memberId + "/photos/" + refs.get(0).id())
				.with(user(bureau.principal())))
			.andExpect(status().isNotFound());
	}

	@Test
	void demoPoolsHoldTwelveExpertsPerDemoRegionEachLinkedToTheDemoExpertAccount() {
		for (String[] demo : new String[][] { { "110105", "cy_expert" }, { "620100", "lz_expert" },
				{ "210000", "ln_expert" } }) {
			assertThat(this.jdbc.sql("SELECT count(*) FROM expert WHERE region_code = :r")
				.param("r", demo[0])
				.query(Long.class)
				.single()).isGreaterThanOrEqualTo(12);
			assertThat(this.jdbc
				.sql("SELECT e.region_code FROM expert e JOIN user_account u ON u.id = e.user_id"
						+ " WHERE u.username = :u")
				.param("u", demo[1])
				.query(String.class)
				.single()).isEqualTo(demo[0]);
		}
	}

	private static MockHttpServletRequestBuilder scores(long panelId, int version, String site, String team) {
		return post("/my-reviews/" + panelId).param("version", String.valueOf(version))
			.param("score_SITE", site)
			.param("score_TEAM", team)
			.param("opinion", "场地条件较好，团队经验丰富。")
			.param("inspectedOn", "2026-11-20")
			.param("inspectionPlace", "杭州市西湖区某路 1 号")
			.param("inspectionFindings", "现场办公面积与申报一致。")
			.with(csrf());
	}

}
