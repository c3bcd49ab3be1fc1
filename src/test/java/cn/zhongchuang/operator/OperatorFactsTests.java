package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.zhongchuang.IntegrationTest;
import cn.zhongchuang.tenant.TenantFixtures;
import cn.zhongchuang.tenant.TenantStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@link Operators#factsFor} computes every documented fact from the records, on the
 * edges of each counting rule. As of 2026-03-01: the last 12 months are 2025-03-01 to
 * 2026-03-01.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorFactsTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

	@Autowired
	OperatorFixtures fixtures;

	@Autowired
	OperatorRecords records;

	@Autowired
	Operators operators;

	@Autowired
	TenantFixtures tenants;

	OperatorFixtures.Operator busy;

	OperatorFixtures.Operator quiet;

	OperatorFacts facts;

	OperatorFacts quietFacts;

	@BeforeAll
	void keepRecords() {
		this.busy = this.fixtures.operator("110105");
		Organisation org = this.busy.org();
		// Tenants: counted when admitted by asOf and not left by then.
		tenant(org, "入孵一年", d("2025-01-01"), d("2025-01-01"), false, TenantStatus.ACTIVE, null);
		tenant(org, "当天入孵", AS_OF, null, false, TenantStatus.ACTIVE, null);
		tenant(org, "次日入孵", d("2026-03-02"), d("2026-03-02"), true, TenantStatus.ACTIVE, null);
		tenant(org, "前日毕业", d("2024-01-01"), d("2024-01-01"), true, TenantStatus.GRADUATED, d("2026-02-28"));
		tenant(org, "次日退出", d("2024-06-01"), d("2024-06-01"), true, TenantStatus.EXITED, d("2026-03-02"));
		tenant(org, "协议晚签", d("2025-06-01"), d("2026-03-05"), true, TenantStatus.ACTIVE, null);
		// Staff: counted when employed on asOf.
		staff(org, "在职管理", StaffMember.Role.MANAGEMENT, true, false, false, d("2020-01-01"), null);
		staff(org, "当天离职", StaffMember.Role.MANAGEMENT, false, false, false, d("2020-01-01"), AS_OF);
		staff(org, "前日离职", StaffMember.Role.MANAGEMENT, true, false, false, d("2020-01-01"), d("2026-02-28"));
		staff(org, "次日入职", StaffMember.Role.MANAGEMENT, true, false, false, d("2026-03-02"), null);
		staff(org, "孵化专员", StaffMember.Role.INCUBATION_PROFESSIONAL, true, false, false, d("2023-01-01"), null);
		staff(org, "投资人创始人", StaffMember.Role.OTHER, false, true, true, d("2019-01-01"), null);
		// Mentors: counted when under contract on asOf.
		var counted = mentor(org, "产业导师", true, false, d("2025-01-01"), null);
		mentor(org, "前日到期", true, true, d("2024-01-01"), d("2026-02-28"));
		mentor(org, "次日聘任", true, true, d("2026-03-02"), null);
		mentor(org, "当天到期", false, true, d("2024-01-01"), AS_OF);
		counselling(org, counted.id(), d("2026-01-10"));
		// Events: the 12 months up to asOf, both ends included.
		event(org, "整十二个月前", Event.Type.FINANCING_MATCH, d("2025-03-01"), false);
		event(org, "十二个月加一天前", Event.Type.FINANCING_MATCH, d("2025-02-28"), true);
		event(org, "当天沙龙", Event.Type.SALON, AS_OF, true);
		event(org, "次日路演", Event.Type.ROADSHOW, d("2026-03-02"), true);
		event(org, "秋季讲堂", Event.Type.LECTURE, d("2025-09-10"), true);
		// Premises in use on asOf: operating by then, a lease not ended.
		premises(org, "租赁一层", "300", "250", 20, Premises.Tenure.LEASED, d("2024-01-01"), d("2026-12-31"),
				d("2024-02-01"), false);
		premises(org, "自有大楼", "500.5", "400", 30, Premises.Tenure.OWNED, null, null, d("2022-06-01"), true);
		premises(org, "租约已满", "1000", "900", 80, Premises.Tenure.LEASED, d("2021-01-01"), d("2026-02-28"),
				d("2021-01-01"), false);
		premises(org, "尚未启用", "2000", "1500", 100, Premises.Tenure.OWNED, null, null, d("2026-03-02"), false);
		// Funds established by asOf; agreements in force on asOf.
		fund(org, "自建天使基金", Fund.Role.SELF_BUILT, Fund.Kind.ANGEL, 5_000_000L, d("2021-05-01"));
		fund(org, "次日设立", Fund.Role.COOPERATIVE, Fund.Kind.VC, 9_000_000L, d("2026-03-02"));
		agreement(org, Agreement.Kind.IP_SERVICE, d("2024-01-01"), d("2026-02-28"));
		agreement(org, Agreement.Kind.FINANCING, d("2025-01-01"), null);
		this.facts = this.operators.factsFor(this.busy.scope(), AS_OF);

		this.quiet = this.fixtures.operator("110105");
		Organisation q = this.quiet.org();
		staff(q, "已离职创始人", StaffMember.Role.MANAGEMENT, true, true, true, d("2019-01-01"), d("2026-01-31"));
		var later = mentor(q, "导师", false, false, d("2025-01-01"), null);
		counselling(q, later.id(), d("2026-03-02"));
		premises(q, "唯一租赁场地", "420", "400", 25, Premises.Tenure.LEASED, d("2023-12-01"), d("2028-11-30"),
				d("2024-01-01"), false);
		this.quietFacts = this.operators.factsFor(this.quiet.scope(), AS_OF);
	}

	Stream<Arguments> busyFacts() {
		return Stream.of(arguments("tenants.count", 4), arguments("tenants.withIncubationAgreement", 2),
				arguments("tenants.inFocusSegment", 2), arguments("staff.management", 2),
				arguments("staff.managementWithCollegeDegree", 1), arguments("staff.incubationProfessionals", 1),
				arguments("staff.founderInvestmentExperienceOrMasters", true), arguments("mentors.count", 2),
				arguments("mentors.industryMentors", 1), arguments("mentors.fromLeadingInvestorsOrFirms", true),
				arguments("mentors.counselingArchive", true), arguments("activities.eventsLast12Months", 3),
				arguments("activities.financingMatchEvents", 1),
				arguments("activities.professionalEventsLast12Months", 2),
				arguments("space.totalAreaM2", new BigDecimal("800.5")),
				arguments("space.officeAndPublicServiceAreaM2", new BigDecimal("650")),
				arguments("space.independentWorkstations", 50), arguments("space.tenure", "OWNED"),
				arguments("space.operatingSince", d("2022-06-01")), arguments("space.infrastructureReady", true),
				arguments("space.rdAndProductionFacilities", true),
				arguments("funds", List.of(Map.of("role", "SELF_BUILT", "kind", "ANGEL", "amountCny", 5_000_000L))),
				arguments("seedFundOrFinancingService", true), arguments("services.ipServicePlatform", false),
				arguments("operator.registeredRegion", "110105"), arguments("operator.establishedOn", d("2020-01-01")),
				arguments("operator.independentLegalEntity", true),
				arguments("operator.managementAndFinanceRules", true), arguments("operator.leadEntity", "NONE"));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("busyFacts")
	void eachFactIsComputedFromTheRecords(String path, Object expected) {
		assertThat(this.facts.facts()).containsKey(path);
		assertThat(this.facts.facts().get(path)).isEqualTo(expected);
		assertThat(this.facts.sources().get(path)).isNotBlank();
	}

	Stream<Arguments> quietFacts() {
		return Stream.of(arguments("tenants.count", 0), arguments("staff.management", 0),
				arguments("staff.founderInvestmentExperienceOrMasters", false), arguments("mentors.count", 1),
				arguments("mentors.counselingArchive", false), arguments("activities.eventsLast12Months", 0),
				arguments("space.totalAreaM2", new BigDecimal("420")), arguments("space.tenure", "LEASED"),
				arguments("space.leaseStart", d("2023-12-01")), arguments("space.leaseEnd", d("2028-11-30")),
				arguments("space.infrastructureReady", false), arguments("funds", List.of()),
				arguments("seedFundOrFinancingService", false));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("quietFacts")
	void factsOfAnOrganisationWithFewRecords(String path, Object expected) {
		assertThat(this.quietFacts.facts().get(path)).isEqualTo(expected);
	}

	@Test
	void ownedMainPremisesHaveNoLeaseDatesAndEveryFactNamesItsSource() {
		assertThat(this.facts.facts()).doesNotContainKeys("space.leaseStart", "space.leaseEnd");
		assertThat(this.facts.sources().keySet()).isEqualTo(this.facts.facts().keySet());
		assertThat(this.facts.sources().get("tenants.count"))
			.startsWith("「" + this.busy.institution().name() + "」在孵企业名册 4 家");
		assertThat(this.facts.facts().get("operator.creditCode")).isEqualTo(this.busy.org().creditCode());
	}

	@Test
	void theFactsNestAsInThePolicyContract() {
		Map<String, Object> nested = this.facts.asSpaceFacts();
		assertThat(nested).containsEntry("asOf", AS_OF).containsKeys("operator", "space", "tenants", "funds");
		assertThat(nested.get("tenants"))
			.isEqualTo(Map.of("count", 4, "withIncubationAgreement", 2, "inFocusSegment", 2));
	}

	@Test
	void anUnknownOrganisationIsNotFound() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.operators.factsFor(new Operators.RecordScope(-1, -1, "无"), AS_OF))
			.isInstanceOf(cn.zhongchuang.platform.NotFoundException.class);
	}

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	private void tenant(Organisation org, String name, LocalDate admitted, LocalDate agreement, boolean focus,
			TenantStatus status, LocalDate left) {
		this.tenants.admit(org.id(), this.busy.account().principal(), TenantFixtures.eligible("北京" + name + "科技有限公司",
				OperatorFixtures.creditCode("110105"), admitted, agreement, focus), status, left);
	}

	private void staff(Organisation org, String name, StaffMember.Role role, boolean degree, boolean masters,
			boolean founderWithExperience, LocalDate since, LocalDate until) {
		this.records.create(RecordKind.STAFF, org, null, new StaffMember(name, role, degree || masters, masters,
				founderWithExperience, founderWithExperience, since, until));
	}

	private OperatorRecord<Mentor> mentor(Organisation org, String name, boolean industry, boolean leading,
			LocalDate start, LocalDate end) {
		return this.records.create(RecordKind.MENTORS, org, null,
				new Mentor(name, "某单位", "投资", industry, leading, start, end));
	}

	private void counselling(Organisation org, long mentor, LocalDate day) {
		this.records.create(RecordKind.COUNSELLING, org, mentor,
				new Counselling(day, "北京某科技有限公司", "商业计划书", new BigDecimal("2"), null));
	}

	private void event(Organisation org, String title, Event.Type type, LocalDate day, boolean professional) {
		this.records.create(RecordKind.EVENTS, org, null, new Event(title, type, day, 30, professional, null));
	}

	private void premises(Organisation org, String address, String area, String office, int workstations,
			Premises.Tenure tenure, LocalDate start, LocalDate end, LocalDate since, boolean rd) {
		boolean ready = !address.startsWith("唯一");
		this.records.create(RecordKind.PREMISES, org, null, new Premises(address, "110105", new BigDecimal(area),
				new BigDecimal(office), workstations, tenure, start, end, ready, rd, since));
	}

	private void fund(Organisation org, String name, Fund.Role role, Fund.Kind kind, long amount, LocalDate day) {
		this.records.create(RecordKind.FUNDS, org, null, new Fund(name, role, kind, amount, day));
	}

	private void agreement(Organisation org, Agreement.Kind kind, LocalDate signed, LocalDate until) {
		this.records.create(RecordKind.AGREEMENTS, org, null, new Agreement(kind, "某服务机构", signed, until));
	}

}
