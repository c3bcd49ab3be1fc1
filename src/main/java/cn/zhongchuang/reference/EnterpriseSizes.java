package cn.zhongchuang.reference;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 按《中小企业划型标准规定》（工信部联企业〔2011〕300号）划分企业规模。
 * <p>
 * 判定顺序（国家统计局《统计上大中小微型企业划分办法（2017）》对同一张表的解释）：
 * <ul>
 * <li>所有指标都达到“中小微型企业”上限（即标准中“X以下或Y以下的为中小微型企业”的 X、Y）的为大型——只要有一项低于上限 仍属中小微；</li>
 * <li>中型、小型须同时达到本档所有指标的下限（“且”），否则下划一档；</li>
 * <li>余下即微型（任一指标低于小型下限，“或”）。</li>
 * </ul>
 * “以上”含本数，“以下”不含本数：工业 20 人不是微型。只用一项指标的行业（农林牧渔业、其他未列明行业）只看该项， 其他入参即使给了也不影响结果。
 */
public final class EnterpriseSizes {

	private EnterpriseSizes() {
	}

	/**
	 * 划型。
	 * @param industry 行业
	 * @param employees 从业人员（人）
	 * @param revenueWan 营业收入（万元）
	 * @param totalAssetsWan 资产总额（万元）
	 * @throws IllegalArgumentException 行业为空、该行业需要的指标缺失，或任一已填指标为负数；消息以字段名开头
	 */
	public static EnterpriseSize classify(Industry industry, Integer employees, BigDecimal revenueWan,
			BigDecimal totalAssetsWan) {
		if (industry == null) {
			throw new IllegalArgumentException("industry（所属行业）不能为空");
		}
		BigDecimal staff = (employees != null) ? BigDecimal.valueOf(employees) : null;
		// 负数一律拒绝，即使该行业用不到这项：多半是录入错误，不应悄悄放过
		requireNonNegative(Measure.EMPLOYEES, staff);
		requireNonNegative(Measure.REVENUE, revenueWan);
		requireNonNegative(Measure.ASSETS, totalAssetsWan);
		List<Threshold> criteria = criteria(industry);
		BigDecimal[] values = new BigDecimal[criteria.size()];
		for (int i = 0; i < criteria.size(); i++) {
			Measure measure = criteria.get(i).measure();
			values[i] = switch (measure) {
				case EMPLOYEES -> staff;
				case REVENUE -> revenueWan;
				case ASSETS -> totalAssetsWan;
			};
			if (values[i] == null) {
				throw new IllegalArgumentException(measure.field + "（" + measure.label + "）不能为空：" + industry.label()
						+ "按" + criteria.stream().map((t) -> t.measure().label).collect(Collectors.joining("和"))
						+ "划型");
			}
		}
		if (reachesAll(criteria, values, Level.UPPER)) {
			return EnterpriseSize.LARGE;
		}
		if (reachesAll(criteria, values, Level.MEDIUM)) {
			return EnterpriseSize.MEDIUM;
		}
		if (reachesAll(criteria, values, Level.SMALL)) {
			return EnterpriseSize.SMALL;
		}
		return EnterpriseSize.MICRO;
	}

	private static boolean reachesAll(List<Threshold> criteria, BigDecimal[] values, Level level) {
		for (int i = 0; i < criteria.size(); i++) {
			if (values[i].compareTo(criteria.get(i).at(level)) < 0) {
				return false;
			}
		}
		return true;
	}

	private static void requireNonNegative(Measure measure, BigDecimal value) {
		if (value != null && value.signum() < 0) {
			throw new IllegalArgumentException(measure.field + "（" + measure.label + "）不能为负数");
		}
	}

	/**
	 * 标准第四条各行业的指标，按条文顺序逐行照录。每项为（中小微上限, 中型下限, 小型下限），单位：人或万元。
	 */
	static List<Threshold> criteria(Industry industry) {
		return switch (industry) {
			// （一）营业收入20000万元以下为中小微；500及以上中型，50及以上小型
			case AGRICULTURE -> List.of(revenue(20000, 500, 50));
			// （二）从业人员1000人以下或营业收入40000万元以下；300且2000中型；20且300小型
			case INDUSTRY -> List.of(employees(1000, 300, 20), revenue(40000, 2000, 300));
			// （三）营业收入80000万元以下或资产总额80000万元以下；6000且5000中型；300且300小型
			case CONSTRUCTION -> List.of(revenue(80000, 6000, 300), assets(80000, 5000, 300));
			// （四）200人或40000万元；20且5000；5且1000
			case WHOLESALE -> List.of(employees(200, 20, 5), revenue(40000, 5000, 1000));
			// （五）300人或20000万元；50且500；10且100
			case RETAIL -> List.of(employees(300, 50, 10), revenue(20000, 500, 100));
			// （六）1000人或30000万元；300且3000；20且200
			case TRANSPORT -> List.of(employees(1000, 300, 20), revenue(30000, 3000, 200));
			// （七）200人或30000万元；100且1000；20且100
			case WAREHOUSING -> List.of(employees(200, 100, 20), revenue(30000, 1000, 100));
			// （八）1000人或30000万元；300且2000；20且100
			case POSTAL -> List.of(employees(1000, 300, 20), revenue(30000, 2000, 100));
			// （九）（十）300人或10000万元；100且2000；10且100
			case ACCOMMODATION, CATERING -> List.of(employees(300, 100, 10), revenue(10000, 2000, 100));
			// （十一）2000人或100000万元；100且1000；10且100
			case INFORMATION_TRANSMISSION -> List.of(employees(2000, 100, 10), revenue(100000, 1000, 100));
			// （十二）300人或10000万元；100且1000；10且50
			case SOFTWARE_IT -> List.of(employees(300, 100, 10), revenue(10000, 1000, 50));
			// （十三）营业收入200000万元以下或资产总额10000万元以下；1000且5000；100且2000
			case REAL_ESTATE_DEVELOPMENT -> List.of(revenue(200000, 1000, 100), assets(10000, 5000, 2000));
			// （十四）1000人或5000万元；300且1000；100且500
			case PROPERTY_MANAGEMENT -> List.of(employees(1000, 300, 100), revenue(5000, 1000, 500));
			// （十五）从业人员300人以下或资产总额120000万元以下；100且8000；10且100
			case LEASING_BUSINESS_SERVICES -> List.of(employees(300, 100, 10), assets(120000, 8000, 100));
			// （十六）从业人员300人以下；100人及以上中型；10人及以上小型
			case OTHER -> List.of(employees(300, 100, 10));
		};
	}

	private static Threshold employees(long upper, long medium, long small) {
		return new Threshold(Measure.EMPLOYEES, upper, medium, small);
	}

	private static Threshold revenue(long upper, long medium, long small) {
		return new Threshold(Measure.REVENUE, upper, medium, small);
	}

	private static Threshold assets(long upper, long medium, long small) {
		return new Threshold(Measure.ASSETS, upper, medium, small);
	}

	enum Measure {

		EMPLOYEES("employees", "从业人员"), REVENUE("revenueWan", "营业收入"), ASSETS("totalAssetsWan", "资产总额");

		final String field;

		final String label;

		Measure(String field, String label) {
			this.field = field;
			this.label = label;
		}

	}

	private enum Level {

		UPPER, MEDIUM, SMALL

	}

	record Threshold(Measure measure, BigDecimal upper, BigDecimal medium, BigDecimal small) {

		Threshold(Measure measure, long upper, long medium, long small) {
			this(measure, BigDecimal.valueOf(upper), BigDecimal.valueOf(medium), BigDecimal.valueOf(small));
		}

		private BigDecimal at(Level level) {
			return switch (level) {
				case UPPER -> this.upper;
				case MEDIUM -> this.medium;
				case SMALL -> this.small;
			};
		}

	}

}
