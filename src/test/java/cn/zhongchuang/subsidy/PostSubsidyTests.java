package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.TestClock;
import cn.zhongchuang.assessment.AssessmentResult;
import cn.zhongchuang.assessment.AssessmentRound;
import cn.zhongchuang.assessment.Assessments;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 后补助 (Liaoning, 营口): a programme on a published assessment round proposes the passing
 * institutions at the amount of their grade and leaves the failing one out; a round that
 * is not published cannot be chosen.
 */
@IntegrationTest
class PostSubsidyTests {

	@Autowired
	Subsidies subsidies;

	@Autowired
	Assessments assessments;

	@Autowired
	SubsidyFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	@Test
	void aProgrammeOnAssessmentResultsPaysByGradeAndNothingForFailing() {
		String policy = "liaoning-specialized-2019";
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "210800").principal();
		var good = this.fixtures.recognized("210802", "PROVINCE", policy, "辽宁省科学技术厅", bureau);
		var bad = this.fixtures.recognized("210802", "PROVINCE", policy, "辽宁省科学技术厅", bureau);
		int year = ChinaTime.today(this.clock).getYear() - 1;
		// the fixture recognizes on 2025-03-01: due every year from 2026; a round opens
		// once its year has ended, so the clock moves past 2026 while it opens
		int roundYear = Math.max(year, 2026);
		AssessmentRound round;
		try {
			while (ChinaTime.today(this.clock).getYear() <= roundYear) {
				this.clock.advance(Duration.ofDays(366));
			}
			round = this.assessments.open(bureau, policy, roundYear);
		}
		finally {
			this.clock.reset();
		}
		assertThatThrownBy(() -> this.subsidies.create(new Subsidies.ProgrammeForm("营口后补助", 2026, "210800", "2000000",
				Programme.ON_ASSESSMENT, round.id(), null, Map.of("优秀", "500000")), bureau))
			.isInstanceOf(FieldErrorException.class)
			.extracting((e) -> ((FieldErrorException) e).errors().keySet())
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
			.contains("assessmentRoundId");

		PackDefinition.Assessment def = this.assessments.definition(policy).assessment();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			int percent = (r.recognitionId() == bad.rec().id()) ? 40 : 100;
			Map<String, String> scores = new LinkedHashMap<>();
			def.indicators()
				.forEach((i) -> scores.put(i.code(),
						BigDecimal.valueOf(i.maxScore() * percent, 2)
							.setScale(1, RoundingMode.HALF_UP)
							.toPlainString()));
			this.assessments.score(bureau, r.id(), scores, r.version());
		}
		AssessmentRound published = this.assessments.publish(bureau, round.id(),
				this.assessments.round(round.id(), bureau).version());

		Programme p = this.subsidies.create(new Subsidies.ProgrammeForm("营口众创空间后补助", 2026, "210800", "2000000",
				Programme.ON_ASSESSMENT, published.id(), null, Map.of("优秀", "500000", "合格", "100000")), bureau);
		assertThat(p.policyId()).isEqualTo(policy);
		p = this.subsidies.open(p.id(), p.version(), bureau);
		List<Subsidies.Proposal> proposal = this.subsidies.propose(p.id(), bureau);
		assertThat(proposal).extracting((x) -> x.recognition().id())
			.contains(good.rec().id())
			.doesNotContain(bad.rec().id());
		Subsidies.Proposal mine = proposal.stream()
			.filter((x) -> x.recognition().id() == good.rec().id())
			.findFirst()
			.orElseThrow();
		assertThat(mine.amount()).isEqualByComparingTo("500000");
		assertThat(mine.reason()).contains("优秀");
		List<Award> made = this.subsidies.confirm(p.id(), List.of(good.rec().id()), bureau);
		assertThat(made).singleElement().extracting(Award::amount).isEqualTo(new BigDecimal("500000.00"));
		assertThat(this.subsidies.propose(p.id(), bureau)).noneMatch((x) -> x.recognition().id() == good.rec().id());
	}

}
