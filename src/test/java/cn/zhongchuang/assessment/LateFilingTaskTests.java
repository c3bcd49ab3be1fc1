package cn.zhongchuang.assessment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TaskCounts;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 待办 of annual filings on the home page: last year's filing past its due date and not
 * submitted counts as 逾期未报 for the operator and the bureaus covering the region (not
 * another city's); an institution recognized this year owes none; submitting takes it
 * off.
 */
@IntegrationTest
class LateFilingTaskTests {

	static final String KIND = "home-task-late-filings";

	@Autowired
	MockMvc mvc;

	@Autowired
	AnnualFilings filings;

	@Autowired
	AssessmentFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	@Test
	void aLateFilingCountsForItsOperatorAndRegionAndLeavesWhenSubmitted() throws Exception {
		int year = ChinaTime.today(this.clock).getYear() - 1;
		LocalDate due = this.filings.dueOn("lanzhou-2018", year).date();
		LocalDate today = ChinaTime.today(this.clock);
		if (!today.isAfter(due)) {
			// early in the year: move to the day after the due date
			this.clock.advance(Duration.ofDays(due.toEpochDay() - today.toEpochDay() + 1));
		}
		try {
			AuthenticatedUser county = this.accounts.create(Role.COUNTY_REVIEWER, "620104").principal();
			AuthenticatedUser city = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
			AuthenticatedUser elsewhere = this.accounts.create(Role.CITY_BUREAU, "110000").principal();
			AssessmentFixtures.Holder h = this.fixtures.operator("620104");
			long countyBefore = TaskCounts.on(this.mvc, county, KIND);
			long cityBefore = TaskCounts.on(this.mvc, city, KIND);
			long elsewhereBefore = TaskCounts.on(this.mvc, elsewhere, KIND);

			Recognitions.Recognized late = this.fixtures.recognize(h, "620104", "CITY", "lanzhou-2018", "兰州市科学技术局",
					LocalDate.of(year, 6, 1), city);
			// recognized this year: no filing for last year is due from it
			this.fixtures.recognize(h, "620104", "CITY", "lanzhou-2018", "兰州市科学技术局", LocalDate.of(year + 1, 1, 2),
					city);
			assertThat(TaskCounts.on(this.mvc, h.operator(), KIND)).isEqualTo(1);
			assertThat(TaskCounts.on(this.mvc, county, KIND)).isEqualTo(countyBefore + 1);
			assertThat(TaskCounts.on(this.mvc, city, KIND)).isEqualTo(cityBefore + 1);
			assertThat(TaskCounts.on(this.mvc, elsewhere, KIND)).isEqualTo(elsewhereBefore);

			// a draft is still late; the submission (late) takes it off every count
			Filing draft = this.filings.saveDraft(h.operator(), late.id(), year, Map.of("GRADUATES", "2"));
			assertThat(TaskCounts.on(this.mvc, county, KIND)).isEqualTo(countyBefore + 1);
			this.filings.submit(h.operator(), draft.id());
			assertThat(TaskCounts.on(this.mvc, h.operator(), KIND)).isZero();
			assertThat(TaskCounts.on(this.mvc, county, KIND)).isEqualTo(countyBefore);
			assertThat(TaskCounts.on(this.mvc, city, KIND)).isEqualTo(cityBefore);
		}
		finally {
			this.clock.reset();
		}
	}

}
