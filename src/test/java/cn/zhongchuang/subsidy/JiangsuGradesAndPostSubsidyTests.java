package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
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
import cn.zhongchuang.operator.TestOrganisations;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.Role;
import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.recognition.RecognitionRequest;
import cn.zhongchuang.recognition.Recognitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * jiangsu-2015 after filing: the province's yearly evaluation grades the filed spaces A–D
 * (优秀/良好/合格/不合格) from their scores; one D leaves the filing in force, a second D in a row
 * ends it; the 后补助 pays 分阶段 — the filing year at a fixed amount, then each year by the
 * grade, D nothing.
 */
@IntegrationTest
class JiangsuGradesAndPostSubsidyTests {

	static final String POLICY = "jiangsu-2015";

	@Autowired
	Subsidies subsidies;

	@Autowired
	Assessments assessments;

	@Autowired
	Recognitions recognitions;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	Recognitions.Recognized filed(String name, LocalDate on, AuthenticatedUser province) {
		TestOrganisations.Registered org = this.organisations.register("320102", name + "运营公司");
		return this.recognitions.recognize(new RecognitionRequest("application", SubsidyFixtures.N.incrementAndGet(),
				name + SubsidyFixtures.N.get(), org.name(), org.creditCode(), "MAKER_SPACE", "COMPREHENSIVE",
				"PROVINCE", "320102", POLICY, "江苏省科学技术厅", on), province);
	}

	/**
	 * Scores each recognition of the round at the percent of every indicator's maximum.
	 */
	void score(AssessmentRound round, Map<Long, Integer> percents, AuthenticatedUser province) {
		PackDefinition.Assessment a = this.assessments.definition(POLICY).assessment();
		for (AssessmentResult r : this.assessments.results(round.id())) {
			int p = percents.getOrDefault(r.recognitionId(), 100);
			Map<String, String> scores = new LinkedHashMap<>();
			a.indicators()
				.forEach((i) -> scores.put(i.code(),
						BigDecimal.valueOf(i.maxScore() * p, 2).setScale(1, RoundingMode.HALF_UP).toPlainString()));
			this.assessments.score(province, r.id(), scores, r.version());
		}
	}

	AssessmentResult resultOf(AssessmentRound round, long recognitionId) {
		return this.assessments.results(round.id())
			.stream()
			.filter((r) -> r.recognitionId() == recognitionId)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void gradesAToDFromScoresTwoDsInARowEndTheFilingAndThePostSubsidyPaysByStageAndGrade() {
		AuthenticatedUser province = this.accounts.create(Role.PROVINCE, "320000").principal();
		Recognitions.Recognized excellent = filed("玄武优秀众创空间", LocalDate.of(2025, 3, 1), province);
		Recognitions.Recognized good = filed("玄武良好众创空间", LocalDate.of(2025, 4, 1), province);
		Recognitions.Recognized failing = filed("玄武不合格众创空间", LocalDate.of(2025, 5, 1), province);
		Recognitions.Recognized older = filed("玄武早年备案众创空间", LocalDate.of(2024, 5, 1), province);
		assertThat(this.recognitions.find(excellent.id()).orElseThrow().level()).isEqualTo("PROVINCE");

		// stage 1 (备案当年): only the spaces filed in 2025, at the provincial amount
		Programme first = this.subsidies.create(new Subsidies.ProgrammeForm("2025 年省级备案众创空间后补助", 2025, "320102",
				"3000000", Programme.ON_RECOGNITION, null, POLICY, Map.of("PROVINCE", "200000"), Programme.FILING_YEAR),
				province);
		assertThat(first.filingYearOnly()).isTrue();
		first = this.subsidies.open(first.id(), first.version(), province);
		List<Subsidies.Proposal> filingYear = this.subsidies.propose(first.id(), province);
		assertThat(filingYear).extracting((x) -> x.recognition().id())
			.contains(excellent.id(), good.id(), failing.id())
			.doesNotContain(older.id());
		assertThat(filingYear).allSatisfy((x) -> {
			assertThat(x.amount()).isEqualByComparingTo("200000");
			assertThat(x.reason()).contains("2025 年备案（认定）当年");
		});
		// the stage is for programmes on recognition only
		assertThatThrownBy(() -> this.subsidies.create(new Subsidies.ProgrammeForm("错配", 2025, "320102", "100",
				Programme.ON_ASSESSMENT, null, POLICY, Map.of("优秀", "10"), Programme.FILING_YEAR), province))
			.isInstanceOfSatisfying(FieldErrorException.class,
					(ex) -> assertThat(ex.errors()).containsKey("stage").containsKey("assessmentRoundId"));

		AssessmentRound one;
		AssessmentRound two;
		try {
			while (ChinaTime.today(this.clock).getYear() <= 2026) {
				this.clock.advance(Duration.ofDays(366));
			}
			// 2026: A, B, D from the scores; one D leaves the filing in force
			one = this.assessments.open(province, POLICY, 2026);
			score(one, Map.of(good.id(), 80, failing.id(), 50), province);
			assertThat(resultOf(one, excellent.id()).grade()).isEqualTo("优秀");
			assertThat(resultOf(one, good.id()).grade()).isEqualTo("良好");
			assertThat(resultOf(one, failing.id()).grade()).isEqualTo("不合格");
			assertThat(resultOf(one, failing.id()).failing()).isTrue();
			one = this.assessments.publish(province, one.id(), this.assessments.round(one.id(), province).version());
			assertThat(this.recognitions.find(failing.id()).orElseThrow().status()).isEqualTo("ACTIVE");

			// 2027: D again for the failing one — its filing ends; a C for the good one
			this.clock.advance(Duration.ofDays(366));
			two = this.assessments.open(province, POLICY, 2027);
			score(two, Map.of(good.id(), 65, failing.id(), 40), province);
			assertThat(resultOf(two, good.id()).grade()).isEqualTo("合格");
			two = this.assessments.publish(province, two.id(), this.assessments.round(two.id(), province).version());
		}
		finally {
			this.clock.reset();
		}
		Recognitions.RecognitionSummary ended = this.recognitions.find(failing.id()).orElseThrow();
		assertThat(ended.status()).isEqualTo("LAPSED");
		assertThat(ended.announcement()).contains("2026 年").contains("2027 年").contains("不合格");
		assertThat(resultOf(two, failing.id()).lapsed()).isTrue();
		assertThat(this.recognitions.find(good.id()).orElseThrow().status()).isEqualTo("ACTIVE");

		// later stages: by each year's grade, A/B/C each their amount, D nothing
		Programme byGrade = this.subsidies.create(
				new Subsidies.ProgrammeForm("2026 年度省级众创空间绩效后补助", 2027, "320102", "3000000", Programme.ON_ASSESSMENT,
						one.id(), null, Map.of("优秀", "300000", "良好", "150000", "合格", "50000")),
				province);
		assertThat(byGrade.policyId()).isEqualTo(POLICY);
		byGrade = this.subsidies.open(byGrade.id(), byGrade.version(), province);
		List<Subsidies.Proposal> graded = this.subsidies.propose(byGrade.id(), province);
		assertThat(graded).extracting((x) -> x.recognition().id()).doesNotContain(failing.id());
		Subsidies.Proposal a = graded.stream()
			.filter((x) -> x.recognition().id() == excellent.id())
			.findFirst()
			.orElseThrow();
		Subsidies.Proposal b = graded.stream()
			.filter((x) -> x.recognition().id() == good.id())
			.findFirst()
			.orElseThrow();
		assertThat(a.amount()).isEqualByComparingTo("300000");
		assertThat(a.reason()).contains("2026 年度考核优秀（A类）");
		assertThat(b.amount()).isEqualByComparingTo("150000");
		assertThat(b.reason()).contains("良好（B类）");
		List<Award> paid = this.subsidies.confirm(byGrade.id(), List.of(excellent.id(), good.id()), province);
		assertThat(paid).extracting(Award::amount)
			.containsExactlyInAnyOrder(new BigDecimal("300000.00"), new BigDecimal("150000.00"));
	}

}
