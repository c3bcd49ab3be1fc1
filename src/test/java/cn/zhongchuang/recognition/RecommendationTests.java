package cn.zhongchuang.recognition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 推荐: only the title's level recommends, only to the next level, one open per institution
 * and level; the receiving authority accepts (a new title of the next level, numbered in
 * its sequence) or refuses with reasons; the recommender withdraws; both sides and the
 * operator are told; another region finds nothing.
 */
@IntegrationTest
class RecommendationTests {

	@Autowired
	Recommendations recommendations;

	@Autowired
	TitleFixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long notifications(long userId, String titlePrefix) {
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = :u AND title LIKE :t")
			.param("u", userId)
			.param("t", titlePrefix + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void seed000Art8AChaoyangSpaceIsRecommendedToTheBeijingMunicipalLevelWhichGrantsACityTitle() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("推荐朝阳");
		AuthenticatedUser beijing = this.fixtures.account(Role.CITY_BUREAU, "110000");
		int year = ChinaTime.today(java.time.Clock.systemUTC()).getYear();

		String body = this.mvc
			.perform(post("/api/v1/recommendations").with(user(titled.bureau()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"titleId": %d, "toLevel": "CITY", "reasons": "运营效果显著，依第八条优先推荐纳入北京市众创空间。"}
						""".formatted(titled.title().id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("朝科推〔" + year + "〕第\\d{3}号")))
			.andExpect(jsonPath("$.toLevel").value("CITY"))
			.andExpect(jsonPath("$.toRegion").value("110000"))
			.andExpect(jsonPath("$.toAuthority").value("北京市科学技术委员会"))
			.andExpect(jsonPath("$.fromAuthority").value("北京市朝阳区科学技术委员会"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(body.replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
		assertThat(notifications(beijing.id(), "收到推荐")).isEqualTo(1);
		assertThat(notifications(titled.org().account().id(), "您的载体已被推荐")).isEqualTo(1);

		// the Beijing queue has it, with its 待办 count; the district sees it among what it
		// sent
		this.mvc.perform(get("/api/v1/recommendations").with(user(beijing)))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		assertThat(this.recommendations.pendingFor(beijing)).isGreaterThanOrEqualTo(1);
		this.mvc.perform(get("/api/v1/recommendations").param("box", "outgoing").with(user(titled.bureau())))
			.andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
		this.mvc.perform(get("/").with(user(beijing))).andExpect(content().string(containsString("件推荐待您处理")));
		this.mvc.perform(get("/recommendations").with(user(beijing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(titled.name())));

		// the district cannot decide its own recommendation
		this.mvc.perform(post("/api/v1/recommendations/" + id + "/accept").with(user(titled.bureau())).with(csrf()))
			.andExpect(status().isForbidden());

		this.mvc.perform(post("/api/v1/recommendations/" + id + "/accept").with(user(beijing)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.resultDesignation").value("北京市众创空间"))
			.andExpect(jsonPath("$.resultTitleNumber").value(org.hamcrest.Matchers.startsWith("京科众〔" + year + "〕第")));
		var granted = this.jdbc
			.sql("""
					SELECT level || '/' || source || '/' || coalesce(policy_id, '-') || '/' || issuing_authority || '/' || designation
					FROM recognition WHERE recommendation_id = :id
					""")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(granted).isEqualTo("CITY/SYSTEM/-/北京市科学技术委员会/北京市众创空间");
		assertThat(notifications(titled.bureau().id(), "推荐已接受")).isEqualTo(1);
		assertThat(notifications(titled.org().account().id(), "获得新称号")).isEqualTo(1);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE object_type = 'recommendation' AND object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
		// the institution now holds both titles; a second decision is refused
		this.mvc.perform(get("/api/v1/institutions/" + titled.institutionId()))
			.andExpect(jsonPath("$.titles[*].level", org.hamcrest.Matchers.containsInAnyOrder("DISTRICT", "CITY")));
		this.mvc
			.perform(post("/api/v1/recommendations/" + id + "/refuse").with(user(beijing))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reasons\":\"迟到的理由\"}"))
			.andExpect(status().isConflict());
		// a Beijing municipal title is followed by the national level, not the province
		long cityTitle = this.jdbc.sql("SELECT id FROM recognition WHERE recommendation_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThatThrownBy(() -> this.recommendations.submit(cityTitle, "PROVINCE", "理由", beijing))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors().get("toLevel")).contains("国家级").contains("直辖市"));
		// and the certificate of the granted title names the letter as its basis
		byte[] pdf = this.mvc.perform(get("/bureau/recognitions/" + cityTitle + "/certificate.pdf").with(user(beijing)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("推荐函 朝科推").contains("北京市众创空间");
		}
	}

	@Test
	void seed003LiaoningRecommendsToTheMinistryAndTheNationalLevelRecordsTheOutcome() {
		var titled = this.fixtures.liaoningProvince("推荐辽宁");
		AuthenticatedUser national = this.fixtures.account(Role.NATIONAL, "000000");
		Recommendations.View r = this.recommendations.submit(titled.title().id(), "NATIONAL", "达到国家级专业化众创空间条件。",
				titled.bureau());
		assertThat(r.number()).startsWith("辽科推〔");
		assertThat(r.toAuthority()).isEqualTo("科学技术部");
		assertThat(r.toRegion()).isEqualTo("000000");
		Recommendations.View done = this.recommendations.accept(r.id(), r.version(), null, national);
		assertThat(done.resultDesignation()).isEqualTo("国家级众创空间备案");
		assertThat(done.resultTitleNumber()).startsWith("国科众〔");
		// the province's letter is not the nation's to withdraw
		assertThatThrownBy(() -> this.recommendations.withdraw(r.id(), null, null, national))
			.isInstanceOf(AccessDeniedException.class);
		// nothing above the national level
		assertThatThrownBy(() -> this.recommendations.submit(done.resultTitleId(), "NATIONAL", "理由", national))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("toLevel"));
	}

	@Test
	void aLevelThatIsNotTheNextOneIsRefusedAtToLevel() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("推荐越级");
		this.mvc
			.perform(post("/api/v1/recommendations").with(user(titled.bureau()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"titleId": %d, "toLevel": "NATIONAL", "reasons": "越级推荐"}
						""".formatted(titled.title().id())))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("toLevel"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("区县级称号推荐至市级")));
		this.mvc
			.perform(post("/api/v1/recommendations").with(user(titled.bureau()))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"titleId": %d, "toLevel": "GALAXY", "reasons": "x"}
						""".formatted(titled.title().id())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("toLevel"));
		// the form shows the message at the field
		this.mvc
			.perform(post("/recommendations").param("titleId", String.valueOf(titled.title().id()))
				.param("toLevel", "PROVINCE")
				.param("reasons", "越级")
				.with(user(titled.bureau()))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("只能向上一级推荐")));
		assertThat(this.jdbc.sql("SELECT count(*) FROM recommendation WHERE institution_id = :i")
			.param("i", titled.institutionId())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void onlyTheTitlesOwnLevelRecommendsAndReasonsAreRequired() {
		var titled = this.fixtures.chaoyangDistrict("推荐权限");
		// Beijing's municipal level holds the region but not the district title's level
		assertThatThrownBy(() -> this.recommendations.submit(titled.title().id(), "CITY", "理由",
				this.fixtures.account(Role.CITY_BUREAU, "110000")))
			.isInstanceOf(AccessDeniedException.class);
		// another region does not find the title
		assertThatThrownBy(() -> this.recommendations.submit(titled.title().id(), "CITY", "理由",
				this.fixtures.account(Role.CITY_BUREAU, "620100")))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.recommendations.submit(titled.title().id(), "CITY", "  ", titled.bureau()))
			.isInstanceOfSatisfying(FieldErrorException.class, (ex) -> assertThat(ex.errors()).containsKey("reasons"));
	}

	@Test
	void oneOpenRecommendationPerInstitutionAndLevelEvenUnderConcurrency() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("推荐并发");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Recommendations.View>> futures = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			futures.add(pool.submit((Callable<Recommendations.View>) () -> {
				start.await();
				return this.recommendations.submit(titled.title().id(), "CITY", "并发推荐", titled.bureau());
			}));
		}
		start.countDown();
		int ok = 0;
		int refused = 0;
		for (Future<Recommendations.View> f : futures) {
			try {
				f.get();
				ok++;
			}
			catch (java.util.concurrent.ExecutionException ex) {
				assertThat(ex.getCause()).isInstanceOfSatisfying(FieldErrorException.class,
						(e) -> assertThat(e.errors()).containsKey("toLevel"));
				refused++;
			}
		}
		pool.shutdown();
		assertThat(ok).isEqualTo(1);
		assertThat(refused).isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT count(*) FROM recommendation WHERE institution_id = :i")
			.param("i", titled.institutionId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRefusalNeedsReasonsAndAWithdrawnLetterFreesTheLevelWithConsecutiveNumbers() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("推荐拒绝");
		AuthenticatedUser beijing = this.fixtures.account(Role.CITY_BUREAU, "110000");
		Recommendations.View first = this.recommendations.submit(titled.title().id(), "CITY", "理由一", titled.bureau());
		this.mvc
			.perform(post("/api/v1/recommendations/" + first.id() + "/refuse").with(user(beijing))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		this.mvc
			.perform(post("/recommendations/" + first.id() + "/refuse").param("reasons", "")
				.with(user(beijing))
				.with(csrf()))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("不予接受须写明理由")));
		Recommendations.View refused = this.recommendations.refuse(first.id(), null, "在孵企业数量未达到市级标准。", beijing);
		assertThat(refused.status()).isEqualTo("REFUSED");
		assertThat(notifications(titled.bureau().id(), "推荐未被接受")).isEqualTo(1);

		Recommendations.View second = this.recommendations.submit(titled.title().id(), "CITY", "理由二", titled.bureau());
		assertThat(sequence(second.number())).isEqualTo(sequence(first.number()) + 1);
		assertThatThrownBy(() -> this.recommendations.withdraw(second.id(), null, null, beijing))
			.isInstanceOf(AccessDeniedException.class);
		this.mvc
			.perform(post("/recommendations/" + second.id() + "/withdraw").param("reason", "补充材料后再推荐")
				.with(user(titled.bureau()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThatThrownBy(() -> this.recommendations.accept(second.id(), null, null, beijing))
			.isInstanceOf(ConflictException.class);
		Recommendations.View third = this.recommendations.submit(titled.title().id(), "CITY", "理由三", titled.bureau());
		assertThat(third.open()).isTrue();
	}

	@Test
	void anotherRegionFindsNoRecommendationAndTheLetterIsAPdfInTheCertificateFont() throws Exception {
		var titled = this.fixtures.chaoyangDistrict("推荐范围");
		Recommendations.View r = this.recommendations.submit(titled.title().id(), "CITY", "推荐理由：运营效果显著。\n第二段理由。",
				titled.bureau());
		AuthenticatedUser lanzhou = this.fixtures.account(Role.CITY_BUREAU, "620100");
		this.mvc.perform(get("/api/v1/recommendations/" + r.id()).with(user(lanzhou))).andExpect(status().isNotFound());
		this.mvc.perform(get("/recommendations/" + r.id()).with(user(lanzhou))).andExpect(status().isNotFound());
		this.mvc.perform(get("/recommendations/" + r.id() + "/letter.pdf").with(user(lanzhou)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/api/v1/recommendations/" + r.id() + "/accept").with(user(lanzhou)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/recommendations").param("box", "outgoing").with(user(lanzhou)))
			.andExpect(jsonPath("$.items[*].id", not(hasItem((int) r.id()))));
		this.mvc.perform(get("/api/v1/recommendations").param("box", "sideways").with(user(lanzhou)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("box"));
		this.mvc.perform(get("/api/v1/recommendations").param("status", "MAYBE").with(user(lanzhou)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		this.mvc.perform(get("/api/v1/recommendations/" + r.id())).andExpect(status().isUnauthorized());

		byte[] pdf = this.mvc.perform(get("/recommendations/" + r.id() + "/letter.pdf").with(user(titled.bureau())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("推 荐 函")
				.contains(r.number())
				.contains(titled.name())
				.contains("北京市科学技术委员会：")
				.contains("第二段理由")
				.contains("北京市朝阳区科学技术委员会");
			var font = doc.getPage(0)
				.getResources()
				.getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.getName()).contains("NotoSansSC");
		}
		this.mvc.perform(get("/recommendations/" + r.id()).with(user(titled.bureau())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(r.number())))
			.andExpect(content().string(containsString("撤回推荐")))
			.andExpect(content().string(not(containsString("接受并授予称号"))));
		this.mvc
			.perform(get("/recommendations/" + r.id()).with(user(this.fixtures.account(Role.CITY_BUREAU, "110000"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("接受并授予称号")))
			.andExpect(content().string(containsString("北京市众创空间")));
		assertThat(r.submittedOn()).isBeforeOrEqualTo(LocalDate.now().plusDays(1));
	}

	static int sequence(String number) {
		return Integer.parseInt(number.replaceAll(".*第(\\d+)号", "$1"));
	}

}
