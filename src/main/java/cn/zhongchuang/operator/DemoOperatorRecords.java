package cn.zhongchuang.operator;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.zhongchuang.audit.AuditEntry;
import cn.zhongchuang.audit.AuditTrail;
import cn.zhongchuang.identity.Accounts;
import cn.zhongchuang.operator.OperatorRecord.Placement;
import cn.zhongchuang.platform.ChinaTime;
import cn.zhongchuang.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, the records of each demo organisation ({@link DemoOrganisations}) placed
 * on the institutions the institution module's demo data registered for it: most
 * premises, events, counselling and investments on the first base, some on the second and
 * a small site for the nursery, so that the institutions' figures differ; staff, funds
 * and agreements assigned to every institution, half the mentors to the first base only.
 * Created once, when the organisation has institutions and no records yet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class DemoOperatorRecords implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOperatorRecords.class);

	private final Organisations organisations;

	private final RecordTable table;

	private final Regions regions;

	private final AuditTrail audit;

	private final Accounts accounts;

	private final ObjectProvider<InstitutionDirectory> directory;

	private final Clock clock;

	private final boolean demo;

	DemoOperatorRecords(Organisations organisations, RecordTable table, Regions regions, AuditTrail audit,
			Accounts accounts, ObjectProvider<InstitutionDirectory> directory, Clock clock,
			@Value("${zhongchuang.demo-data}") boolean demo) {
		this.organisations = organisations;
		this.table = table;
		this.regions = regions;
		this.audit = audit;
		this.accounts = accounts;
		this.directory = directory;
		this.clock = clock;
		this.demo = demo;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		InstitutionDirectory institutions = this.directory.getIfAvailable();
		if (!this.demo || institutions == null) {
			return;
		}
		LocalDate today = ChinaTime.today(this.clock);
		int placed = 0;
		for (String username : DemoOrganisations.USERNAMES) {
			Optional<Organisation> org = this.accounts.idOf(username).flatMap(this.organisations::findByMember);
			Optional<DemoOrganisations.Demo> d = DemoOrganisations.demo(username, today);
			if (org.isEmpty() || d.isEmpty() || this.table.count(RecordKind.PREMISES, org.get().id(), null) > 0) {
				continue;
			}
			List<InstitutionDirectory.Entry> mine = institutions.institutionsOf(org.get().id());
			if (!mine.isEmpty()) {
				placed += place(org.get(), d.get(), mine, today);
			}
		}
		if (placed > 0) {
			log.info("Placed {} demo operator records on their institutions", placed);
		}
	}

	private int place(Organisation org, DemoOrganisations.Demo d, List<InstitutionDirectory.Entry> mine,
			LocalDate today) {
		long first = mine.get(0).id();
		long second = mine.get(Math.min(1, mine.size() - 1)).id();
		long last = mine.get(mine.size() - 1).id();
		Placement all = Placement.assigned(mine.stream().map(InstitutionDirectory.Entry::id).toList());
		Placement firstOnly = Placement.assigned(List.of(first));
		int rows = 0;
		for (int i = 0; i < d.premises().size(); i++) {
			rows += insert(RecordKind.PREMISES, org, null, d.premises().get(i),
					Placement.in((i == 0) ? first : second));
		}
		Premises main = d.premises().get(0);
		if (d.premises().size() == 1) {
			rows += insert(RecordKind.PREMISES, org, null,
					new Premises(main.address() + "（二号基地）", main.regionCode(), new BigDecimal("360"),
							new BigDecimal("300"), 26, Premises.Tenure.LEASED, today.minusYears(2).withDayOfMonth(1),
							today.plusYears(2).withDayOfMonth(1), true, false, today.minusYears(2).withDayOfMonth(1)),
					Placement.in(second));
		}
		if (last != second) {
			rows += insert(RecordKind.PREMISES, org, null,
					new Premises(main.address() + "（创业苗圃）", main.regionCode(), new BigDecimal("200"),
							new BigDecimal("180"), 16, Premises.Tenure.LEASED, today.minusYears(1).withDayOfMonth(1),
							today.plusYears(2).withDayOfMonth(1), true, false, today.minusYears(1).withDayOfMonth(1)),
					Placement.in(last));
		}
		for (StaffMember s : d.staff()) {
			rows += insert(RecordKind.STAFF, org, null, s, all);
		}
		for (int i = 0; i < d.events().size(); i++) {
			rows += insert(RecordKind.EVENTS, org, null, d.events().get(i),
					Placement.in((i % 4 == 3) ? second : first));
		}
		for (Agreement a : d.agreements()) {
			rows += insert(RecordKind.AGREEMENTS, org, null, a, all);
		}
		for (int i = 0; i < d.mentors().size(); i++) {
			OperatorRecord<Mentor> mentor = this.table.save(RecordKind.MENTORS, OperatorRecord.create(org.id(), null,
					d.mentors().get(i), (i % 2 == 0) ? all : firstOnly, this.regions), this.clock.instant());
			rows++;
			if (i < d.mentorsWithCounselling()) {
				for (Counselling c : DemoOrganisations.counselling(i, d.tenants(), today)) {
					rows += insert(RecordKind.COUNSELLING, org, mentor.id(), c, Placement.in(first));
				}
			}
		}
		for (int i = 0; i < d.funds().size(); i++) {
			OperatorRecord<Fund> fund = this.table.save(RecordKind.FUNDS,
					OperatorRecord.create(org.id(), null, d.funds().get(i), all, this.regions), this.clock.instant());
			rows++;
			if (i == 0) {
				rows += insert(RecordKind.INVESTMENTS, org, fund.id(),
						new Investment(d.tenants().get(0), 1_500_000L, today.minusMonths(10)), Placement.in(first));
				rows += insert(RecordKind.INVESTMENTS, org, fund.id(),
						new Investment(d.tenants().get(2), 800_000L, today.minusMonths(5)), Placement.in(second));
			}
		}
		this.audit.record(new AuditEntry("OPERATOR_RECORD_CREATE", "operator_organisation", String.valueOf(org.id()),
				AuditEntry.Result.SUCCESS,
				"初始化演示台账 " + rows + " 条，分属载体："
						+ mine.stream().map(InstitutionDirectory.Entry::name).collect(Collectors.joining("、")),
				org.regionCode(), "system", "system"));
		return rows;
	}

	private <F extends Record & RecordData> int insert(RecordKind<F> kind, Organisation org, Long parentId, F item,
			Placement placement) {
		this.table.save(kind, OperatorRecord.create(org.id(), parentId, item, placement, this.regions),
				this.clock.instant());
		return 1;
	}

}
