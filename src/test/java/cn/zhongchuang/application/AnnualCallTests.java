package cn.zhongchuang.application;

import java.time.LocalDate;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.CurrentUser;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Liaoning 四(一) 每年5月底前完成评审备案 (达标一批、备案一批): each application belongs to a yearly batch
 * whose review closes on 31 May; one submitted after it is next year's. The reviewers'
 * queue shows the batch and its closing day and flags what is still open after it. Packs
 * that review as applications come (Chaoyang) have no batch.
 */
@IntegrationTest
class AnnualCallTests {

	@Autowired
	Applications applications;

	@Autowired
	ApplicationFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void anApplicationBelongsToTheBatchOfItsSubmissionAndIsOverdueOnceTheBatchClosed() throws Exception {
		CurrentUser operator = this.fixtures.operator("210102").principal();
		int y = ChinaTime.today(java.time.Clock.systemUTC()).getYear();
		Application onTheDay = submitted(operator, LocalDate.of(y - 2, 5, 31));
		Application dayAfter = submitted(operator, LocalDate.of(y - 2, 6, 1));
		Application today = this.applications
			.submit(this.fixtures.readyDraft(operator, "liaoning-specialized-2019", "210102").id(), null, operator);

		assertThat(this.applications.batchOf(onTheDay)).hasValueSatisfying((b) -> {
			assertThat(b.year()).isEqualTo(y - 2);
			assertThat(b.closesOn()).isEqualTo(LocalDate.of(y - 2, 5, 31));
			assertThat(b.overdue()).isTrue();
		});
		assertThat(this.applications.batchOf(dayAfter)).hasValueSatisfying((b) -> {
			assertThat(b.year()).isEqualTo(y - 1);
			assertThat(b.closes()).isEqualTo((y - 1) + "年5月31日");
			assertThat(b.overdue()).isTrue();
		});
		assertThat(this.applications.batchOf(today)).hasValueSatisfying((b) -> {
			assertThat(b.closesOn()).isAfterOrEqualTo(today.submittedOn());
			assertThat(b.overdue()).isFalse();
		});

		// a decided application is no longer overdue
		Application withdrawn = this.applications.withdraw(onTheDay.id(), onTheDay.version(), operator);
		assertThat(this.applications.batchOf(withdrawn)).hasValueSatisfying((b) -> assertThat(b.overdue()).isFalse());

		CurrentUser city = this.fixtures.user(Role.CITY_BUREAU, "210100");
		this.mvc.perform(get("/applications").with(user(TestPrincipal.of(city))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString((y - 1) + "年度批次"), containsString((y - 1) + "年5月31日前完成评审"),
					containsString("已逾期"), containsString("id=\"batch-overdue\""))));
		this.mvc.perform(get("/applications/" + dayAfter.id()).with(user(TestPrincipal.of(city))))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"app-batch\""), containsString("已逾期"))));
	}

	@Test
	void aPackWithoutAnAnnualCallHasNoBatch() {
		CurrentUser operator = this.fixtures.operator("110105").principal();
		Application app = this.applications
			.submit(this.fixtures.readyDraft(operator, "beijing-chaoyang-2017", "110105").id(), null, operator);
		assertThat(this.applications.batchOf(app)).isEmpty();
	}

	private Application submitted(CurrentUser operator, LocalDate on) {
		Application app = this.applications
			.submit(this.fixtures.readyDraft(operator, "liaoning-specialized-2019", "210102").id(), null, operator);
		this.jdbc.sql("UPDATE application SET submitted_on = :on WHERE id = :id")
			.param("on", on)
			.param("id", app.id())
			.update();
		return this.fixtures.load(app.id());
	}

}
