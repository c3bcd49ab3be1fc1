package cn.zhongchuang.policy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.zhongchuang.policy.PackDefinition;
import cn.zhongchuang.policy.PolicyPack;
import cn.zhongchuang.policy.PolicyPacks;
import cn.zhongchuang.policy.internal.FactSchema.Field;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 快速求值树与 CEL-Java 运行时对同一事实给出相同结果：相同的值，或都报错（缺少事实时都报缺少事实）。
 * 覆盖随产品发布的三个政策包中的每一条规则、适用条件、详情占位符和优先项，外加一组专门试探运算符 语义（异构数值、错误的交换律、推导式中的错误、溢出、除以零……）的表达式。
 */
class FastEvaluatorParityTests {

	private static final List<Probe> SPACE = new ArrayList<>();

	private static final List<Probe> TENANT = new ArrayList<>();

	private static final List<String> OPERATOR_PROBES = List.of("space.totalAreaM2 == 500", "tenants.count == 12.0",
			"tenants.count + 1.0", "tenants.count * 2 >= staff.management", "space.totalAreaM2 / 0.0 > 1.0",
			"tenants.count / (tenants.count - tenants.count)", "tenants.count % 7", "-tenants.count",
			"space.leaseEnd > space.leaseStart || space.totalAreaM2 > 0.0",
			"space.leaseEnd > space.leaseStart && space.totalAreaM2 > 0.0",
			"space.totalAreaM2 > 0.0 || space.leaseEnd > space.leaseStart",
			"space.totalAreaM2 > 0.0 && space.leaseEnd > space.leaseStart", "funds.exists(f, f.amountCny / 0.0 > 1.0)",
			"funds.exists(f, 10 / (tenants.count - 12) > 1)", "funds.all(f, f.amountCny > 1000000.0)",
			"funds.all(f, f.role == 'LED' || 10 / (tenants.count - 12) > 1)", "funds.exists_one(f, f.role == 'LED')",
			"funds.map(f, f.kind)", "funds.filter(f, f.amountCny >= 1000000.0).size()",
			"size(funds) > 1 ? funds[1].kind : 'none'", "'role' in funds[0]", "funds[0].kind == 'VC'",
			"operator.compliance.abnormalOperationList == false", "[tenants.count, mentors.count] == [12, 10]",
			"[tenants.count, 1.0] == [12.0, 1]", "int(space.totalAreaM2) >= 500", "double(tenants.count) / 15.0",
			"operator.registeredRegion.startsWith('62')", "space.focusSegment.size()",
			"has(space.leaseEnd) && space.leaseEnd.endsWith('-31')", "!virtual", "virtual ? 'v' : 'p'",
			"operator.leadEntity in ['UNIVERSITY', 'RESEARCH_INSTITUTE']", "text(space.totalAreaM2) + '㎡'",
			"label(specialization)", "tenants.count > 10 || mentors.count > 10",
			"monthsBetween(operator.establishedOn, space.operatingSince)",
			"leaseMonths(space.leaseStart, space.leaseEnd)",
			"shareAtLeast(staff.managementWithCollegeDegree, staff.management, 50)", "sum(funds.map(f, f.amountCny))",
			"9223372036854775807 + tenants.count", "tenants.count - 9223372036854775807 - 10",
			"ceilDiv(tenants.count, mentors.count)", "operator.leadEntity == operator.independentLegalEntity",
			"virtual == false", "operator.bannedUntil < asOf", "funds + funds == funds", "has(operator.compliance)",
			"[1, 2, 3].exists(x, x == tenants.count)", "tenants.count in [10, 11.0, 12u]");

	static {
		for (PolicyPack pack : PolicyPacks.bundled().all()) {
			String id = pack.id();
			PackDefinition definition = pack.definition();
			// a pack with facts of its own compiles against the contract's schema plus
			// them
			FactSchema.Field schema = FactSchema.extend(FactSchema.SPACE, definition.facts());
			RuleEnvironment space = RuleEnvironment.space(schema);
			definition.criteria().forEach((criterion) -> add(SPACE, space, schema, criterion));
			definition.preferred()
				.forEach((item) -> SPACE
					.add(new Probe(id + " 优先 " + item.article(), space.compile(item.rule(), true), space, schema)));
			if (definition.tenantCriteria() != null) {
				definition.tenantCriteria()
					.criteria()
					.forEach((criterion) -> add(TENANT, RuleEnvironment.TENANT, FactSchema.TENANT, criterion));
			}
		}
		for (String source : OPERATOR_PROBES) {
			SPACE.add(new Probe(source, RuleEnvironment.SPACE.compile(source, false), RuleEnvironment.SPACE,
					FactSchema.SPACE));
		}
	}

	private static void add(List<Probe> probes, RuleEnvironment environment, FactSchema.Field schema,
			PackDefinition.Criterion criterion) {
		String name = "第 " + criterion.article() + " 条 ";
		if (criterion.rule() != null) {
			probes.add(new Probe(name + criterion.rule(), environment.compile(criterion.rule(), true), environment,
					schema));
		}
		if (criterion.applies() != null) {
			probes.add(new Probe(name + criterion.applies(), environment.compile(criterion.applies(), true),
					environment, schema));
		}
		if (criterion.detail() != null) {
			DetailTemplate.compile(criterion.detail(), environment)
				.expressions()
				.forEach((expression) -> probes
					.add(new Probe(name + expression.source(), expression, environment, schema)));
		}
	}

	@Test
	void everyBundledRuleRunsOnTheFastEvaluator() {
		assertThat(SPACE).hasSizeGreaterThan(100);
		assertThat(SPACE).filteredOn((probe) -> !probe.expression().isFast())
			.extracting(Probe::name)
			.containsExactly("tenants.count in [10, 11.0, 12u]");
		assertThat(TENANT).allSatisfy((probe) -> assertThat(probe.expression().isFast()).as(probe.name()).isTrue());
	}

	@Test
	void spaceRulesAgreeWithCel() {
		for (long seed = 0; seed < 400; seed++) {
			long s = seed;
			// the same random facts for every probe of one schema (a pack with facts of
			// its
			// own has its own)
			Map<FactSchema.Field, Map<String, Object>> factsBySchema = new java.util.HashMap<>();
			Map<FactSchema.Field, Frame> varsBySchema = new java.util.HashMap<>();
			SPACE.forEach((probe) -> {
				Map<String, Object> facts = factsBySchema.computeIfAbsent(probe.schema(), (schema) -> {
					Random random = new Random(s);
					return withAsOf(object(schema, random, 0.9), random);
				});
				Frame vars = varsBySchema.computeIfAbsent(probe.schema(), (schema) -> probe.environment()
					.bind(facts, Map.of("jurisdiction", pick(new Random(s), "110105", "620100", "210000"))));
				assertSameOutcome(probe, vars, facts);
			});
		}
	}

	@Test
	void tenantRulesAgreeWithCel() {
		for (long seed = 0; seed < 400; seed++) {
			Random random = new Random(seed);
			Map<String, Object> facts = withAsOf(object(FactSchema.TENANT, random, 0.8), random);
			Frame vars = RuleEnvironment.TENANT.bind(facts,
					Map.of("jurisdiction", "110105", "keyIndustries", List.of("互联网+", "生物医药")));
			TENANT.forEach((probe) -> assertSameOutcome(probe, vars, facts));
		}
	}

	private static void assertSameOutcome(Probe probe, Frame vars, Map<String, Object> facts) {
		Object fast;
		Object cel;
		try {
			fast = probe.expression().evaluate(vars);
		}
		catch (RuleError error) {
			fast = new Failure(error.missingFact() != null);
		}
		try {
			cel = probe.expression().evaluateWithCel(vars);
		}
		catch (RuleError error) {
			cel = new Failure(error.missingFact() != null);
		}
		assertThat(fast).as("%s%n事实：%s", probe.name(), facts).isEqualTo(cel);
	}

	/** 随机事实对象：多数是读入时的 {@link FactObject}（按下标取值），少数是普通 Map（按名取值）。 */
	private static Map<String, Object> object(Field schema, Random random, double presence) {
		Map<String, Object> values = new HashMap<>();
		for (Field field : schema.fields().values()) {
			if (random.nextDouble() < presence) {
				values.put(field.name(), value(field, random));
			}
		}
		if (random.nextInt(4) == 0) {
			return values;
		}
		Object[] array = new Object[schema.fields().size()];
		values.forEach((name, value) -> array[schema.position(name)] = value);
		return new FactObject(schema, array);
	}

	private static Object value(Field field, Random random) {
		return switch (field.kind()) {
			case BOOL -> random.nextBoolean();
			case INT -> (long) pick(random, 0, 1, 2, 3, 5, 9, 10, 11, 12, 14, 15, 16, 19, 20, 29, 30, 31, 100, 300);
			case DECIMAL -> pick(random, 0.0, 50.0, 299.99, 300.0, 499.99, 500.0, 640.4, 800.0, 800.5, 999.99, 1000.0,
					1_000_000.0, 2_999_999.0, 3_000_000.0);
			case DATE -> date(random);
			case YEAR_MONTH -> date(random).substring(0, 7);
			case REGION -> pick(random, "110105", "110108", "620100", "620102", "620200", "210000", "210102");
			case ENUM -> field.values().get(random.nextInt(field.values().size()));
			case STRING -> pick(random, "", "工业机器人", "互联网+", "现代物流");
			case OBJECT -> object(field, random, 0.85);
			case LIST -> {
				List<Object> list = new ArrayList<>();
				int size = random.nextInt(4);
				for (int i = 0; i < size; i++) {
					list.add(object(field.element(), random, 0.9));
				}
				yield list;
			}
		};
	}

	private static Map<String, Object> withAsOf(Map<String, Object> facts, Random random) {
		if (facts instanceof FactObject object) {
			return object.with("asOf", date(random));
		}
		facts.put("asOf", date(random));
		return facts;
	}

	private static String date(Random random) {
		return LocalDate.of(2015, 1, 1).plusDays(random.nextInt(16 * 366)).toString();
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	private record Probe(String name, CompiledExpression expression, RuleEnvironment environment,
			FactSchema.Field schema) {
	}

	/** 出错：只比较是否为"缺少事实"，报错文字两边本就不同。 */
	private record Failure(boolean missingFact) {
	}

}
