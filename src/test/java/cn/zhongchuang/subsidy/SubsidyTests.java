package cn.zhongchuang.subsidy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.identity.AuthenticatedUser;
import cn.zhongchuang.identity.TestAccounts;
import cn.zhongchuang.platform.ConflictException;
import cn.zhongchuang.platform.FieldErrorException;
import cn.zhongchuang.platform.NotFoundException;
import cn.zhongchuang.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Programmes and awards per jurisdiction with totals per region, the budget limit (also
 * under two racing transactions), recovery on fraud (Lanzhou) and not without the pack's
 * subsidyRecovery (Liaoning), the guard on disbursing a revoked recognition, region
 * scope.
 */
@IntegrationTest
class SubsidyTests {

	@Autowired
	Subsidies subsidies;

	@Autowired
	SubsidyFixtures fixtures;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void lanzhouProgrammeAwardsFromTheProposalWithTotalsPerRegion() {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		var b = this.fixtures.recognized("620103", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		Programme p = this.subsidies.create(
				new Subsidies.ProgrammeForm("2018年兰州市众创空间财政奖补", 2018, "620100", "25930000.00", Programme.ON_RECOGNITION,
						null, "lanzhou-2018", Map.of("DEFAULT", "300000", "CITY", "500000")),
				bureau);
		assertThat(p.status()).isEqualTo("DRAFT");
		assertThat(Totals.wan(p.budget())).isEqualTo("2593");
		assertThatThrownBy(() -> this.subsidies.confirm(p.id(), List.of(a.rec().id()), bureau))
			.isInstanceOf(ConflictException.class);
		Programme open = this.subsidies.open(p.id(), p.version(), bureau);
		assertThatThrownBy(() -> this.subsidies.open(p.id(), open.version(), bureau))
			.isInstanceOf(ConflictException.class);

		List<Subsidies.Proposal> proposal = this.subsidies.propose(p.id(), bureau);
		assertThat(proposal).filteredOn((x) -> x.recognition().id() == a.rec().id())
			.singleElement()
			.extracting(Subsidies.Proposal::amount)
			.isEqualTo(new BigDecimal("500000.00"));
		List<Award> made = this.subsidies.confirm(p.id(), List.of(a.rec().id(), b.rec().id()), bureau);
		assertThat(made).hasSize(2);
		assertThat(this.subsidies.propose(p.id(), bureau)).noneMatch((x) -> x.recognition().id() == a.rec().id());
		assertThatThrownBy(() -> this.subsidies.award(p.id(), a.rec().number(), "1000", "再次奖补", bureau))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("只能奖补一次");

		Award first = made.get(0);
		this.subsidies.disburse(first.id(), LocalDate.of(2026, 1, 5), "兰财2026-001", first.version(), bureau);
		Totals t = this.subsidies.totals(p);
		assertThat(t.awarded()).isEqualByComparingTo("1000000");
		assertThat(t.disbursed()).isEqualByComparingTo("500000");
		assertThat(t.remaining()).isEqualByComparingTo("24930000");
		assertThat(this.subsidies.totalsByRegion(p)).extracting(Totals::key).containsExactly("620102", "620103");
		assertThat(this.subsidies.totalsByRegion(p).get(0).label()).contains("城关区");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM audit_event WHERE object_type = 'subsidy_award' AND object_id = :id")
			.param("id", String.valueOf(first.id()))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void chaoyangAndLiaoningProgrammesKeepTheirOwnTotals() {
		AuthenticatedUser cy = this.accounts.create(Role.CITY_BUREAU, "110105").principal();
		var c = this.fixtures.recognized("110105", "DISTRICT", "beijing-chaoyang-2017", "北京市朝阳区科学技术和信息化局", cy);
		Programme cp = this.fixtures.open(cy, "110105", "1000000", "200000", "beijing-chaoyang-2017");
		this.subsidies.award(cp.id(), c.rec().number(), "150000.50", "朝阳区认定奖励", cy);
		assertThat(this.subsidies.totals(cp).awarded()).isEqualByComparingTo("150000.50");
		assertThat(this.subsidies.totalsByRegion(cp)).extracting(Totals::key).containsExactly("110105");

		AuthenticatedUser ln = this.accounts.create(Role.PROVINCE, "210000").principal();
		var s = this.fixtures.recognized("210112", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅", ln);
		var d = this.fixtures.recognized("210211", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅", ln);
		Programme lp = this.fixtures.open(ln, "210000", "5000000", "1000000", "liaoning-specialized-2019");
		this.subsidies.confirm(lp.id(), List.of(s.rec().id(), d.rec().id()), ln);
		assertThat(this.subsidies.totals(lp).awarded()).isEqualByComparingTo("2000000");
		assertThat(this.subsidies.totalsByRegion(lp)).extracting(Totals::key).containsExactly("210112", "210211");

		// region scope: Chaoyang does not see Liaoning's programme, nor its awards
		assertThatThrownBy(() -> this.subsidies.programme(lp.id(), cy)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.subsidies.awards(lp.id(), cy)).isInstanceOf(NotFoundException.class);
		assertThat(this.subsidies.programmes(cy, null, null, null, 200).items()).extracting(Programme::id)
			.contains(cp.id())
			.doesNotContain(lp.id());
		// a Shenyang city bureau sees the province's programme? No: it is above its
		// region.
		AuthenticatedUser sy = this.accounts.create(Role.CITY_BUREAU, "210100").principal();
		assertThatThrownBy(() -> this.subsidies.programme(lp.id(), sy)).isInstanceOf(NotFoundException.class);
		// a bureau cannot award a recognition outside the programme's region
		assertThatThrownBy(() -> this.subsidies.award(cp.id(), s.rec().number(), "1000", "越界", cy))
			.isInstanceOf(FieldErrorException.class);
	}

	@Test
	void anAwardPastTheBudgetIsRefusedAndABatchThatDoesNotFitWritesNothing() {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		var b = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		var c = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		Programme p = this.fixtures.open(bureau, "620100", "1000000", "400000", "lanzhou-2018");
		this.subsidies.award(p.id(), a.rec().number(), "400000", "奖补", bureau);
		assertThatThrownBy(() -> this.subsidies.confirm(p.id(), List.of(b.rec().id(), c.rec().id()), bureau))
			.isInstanceOf(BudgetExceededException.class)
			.hasMessageContaining("剩余预算 600000.00 元");
		assertThat(this.subsidies.awards(p.id(), bureau)).hasSize(1);
		assertThatThrownBy(() -> this.subsidies.award(p.id(), b.rec().number(), "600000.01", "奖补", bureau))
			.isInstanceOf(BudgetExceededException.class);
		this.subsidies.award(p.id(), b.rec().number(), "600000.00", "奖补", bureau);
		assertThat(this.subsidies.totals(p).remaining()).isEqualByComparingTo("0");
	}

	@Test
	void twoBureausRacingForTheLastOfTheBudgetExactlyOneWins() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		var b = this.fixtures.recognized("620103", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		Programme p = this.fixtures.open(bureau, "620100", "500000", "300000", "lanzhou-2018");
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
		List<Thread> threads = new ArrayList<>();
		for (String number : List.of(a.rec().number(), b.rec().number())) {
			Thread t = new Thread(() -> {
				try {
					start.await();
					outcomes.add(this.subsidies.award(p.id(), number, "300000", "奖补", bureau));
				}
				catch (Exception ex) {
					outcomes.add(ex);
				}
			});
			t.start();
			threads.add(t);
		}
		start.countDown();
		for (Thread t : threads) {
			t.join(30_000);
		}
		assertThat(outcomes).hasSize(2);
		assertThat(outcomes).filteredOn(Award.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(BudgetExceededException.class::isInstance).hasSize(1);
		assertThat(this.subsidies.totals(p).awarded()).isEqualByComparingTo("300000");
	}

	@Test
	void fraudInLanzhouPutsTheAwardsOnRecoveryAndARevokedRecognitionIsNotPaid() throws Exception {
		AuthenticatedUser bureau = this.accounts.create(Role.CITY_BUREAU, "620100").principal();
		var a = this.fixtures.recognized("620102", "CITY", "lanzhou-2018", "兰州市科学技术局", bureau);
		Programme p1 = this.fixtures.open(bureau, "620100", "1000000", "100000", "lanzhou-2018");
		Programme p2 = this.fixtures.open(bureau, "620100", "1000000", "100000", "lanzhou-2018");
		Award paid = this.subsidies.award(p1.id(), a.rec().number(), "100000", "奖补", bureau);
		paid = this.subsidies.disburse(paid.id(), LocalDate.of(2026, 2, 1), "V-1", paid.version(), bureau);
		Award unpaid = this.subsidies.award(p2.id(), a.rec().number(), "80000", "奖补", bureau);

		this.mvc
			.perform(post("/bureau/sanctions").param("number", a.rec().number())
				.param("finding", "虚报在孵企业数量")
				.with(user(bureau))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		long paidId = paid.id();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Award.RECOVERY_DUE.equals(this.subsidies.award(paidId, bureau).status()));
		Award due = this.subsidies.award(paidId, bureau);
		assertThat(due.recoveryReason()).contains("虚报在孵企业数量");
		assertThat(due.sanctionId()).isNotNull();
		assertThat(this.subsidies.award(unpaid.id(), bureau).status()).isEqualTo(Award.RECOVERY_DUE);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM notification WHERE title LIKE '奖补应收回%' AND link = '/subsidies/mine'"
					+ " AND recipient_id = :id")
			.param("id", a.operator().id())
			.query(Long.class)
			.single()).isEqualTo(2);

		Award recovered = this.subsidies.recover(paidId, LocalDate.of(2026, 3, 1), "100000", "已缴回国库", due.version(),
				bureau);
		assertThat(recovered.status()).isEqualTo(Award.RECOVERED);
		assertThat(this.subsidies.totals(p1).remaining()).isEqualByComparingTo("1000000");
		assertThat(this.subsidies.totals(p1).recovered()).isEqualByComparingTo("100000");
	}

	@Test
	void anUndisbursedAwardOfARevokedRecognitionCannotBePaidAndLiaoningKeepsAwardsForReview() throws Exception {
		AuthenticatedUser ln = this.accounts.create(Role.PROVINCE, "210000").principal();
		var s = this.fixtures.recognized("210112", "PROVINCE", "liaoning-specialized-2019", "辽宁省科学技术厅", ln);
		Programme p = this.fixtures.open(ln, "210000", "5000000", "1000000", "liaoning-specialized-2019");
		Award award = this.subsidies.award(p.id(), s.rec().number(), "1000000", "奖补", ln);
		this.mvc
			.perform(post("/bureau/sanctions").param("number", s.rec().number())
				.param("finding", "伪造运营数据")
				.with(user(ln))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		await().atMost(Duration.ofSeconds(20)).until(() -> this.subsidies.award(award.id(), ln).sanctionId() != null);
		Award kept = this.subsidies.award(award.id(), ln);
		assertThat(kept.status()).isEqualTo(Award.AWARDED);
		assertThatThrownBy(
				() -> this.subsidies.disburse(award.id(), LocalDate.of(2026, 2, 1), "V-2", kept.version(), ln))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("不能发放");
	}

}
