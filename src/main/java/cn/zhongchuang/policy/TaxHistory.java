package cn.zhongchuang.policy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhongchuang.policy.internal.FactSchema;
import cn.zhongchuang.policy.internal.FactsReader;
import cn.zhongchuang.policy.internal.JsonInput;
import tools.jackson.databind.JsonNode;

/**
 * 一家在孵企业的纳税申报记录（policy-api.md「Tenant exit status」请求）。{@code filings} 中没有的月份 即未申报。
 *
 * @param asOf 判断日期，缺省为上海时区的今天
 * @param admittedOn 入孵日期
 * @param filings 各月申报记录，每个月份至多一条
 */
public record TaxHistory(LocalDate asOf, LocalDate admittedOn, List<Filing> filings) {

	public TaxHistory {
		filings = List.copyOf(filings);
	}

	public static TaxHistory parse(String json) {
		return from(JsonInput.parse(json));
	}

	public static TaxHistory from(JsonNode json) {
		return from(json, Clock.system(SpaceFacts.ZONE));
	}

	/**
	 * 校验并转换纳税记录。
	 * @param json 请求体
	 * @param clock 未给 {@code asOf} 时取今天所用的时钟
	 * @return 纳税记录
	 * @throws InvalidFactsException 格式错误、缺少入孵日期或申报月份、月份重复时，指明字段路径
	 */
	@SuppressWarnings("unchecked")
	public static TaxHistory from(JsonNode json, Clock clock) {
		Map<String, Object> values = FactsReader.read(json, FactSchema.TAX_HISTORY, "");
		List<InvalidFactsException.FieldError> errors = new ArrayList<>();
		if (!values.containsKey("admittedOn")) {
			errors.add(new InvalidFactsException.FieldError("admittedOn", "缺少入孵日期"));
		}
		List<Filing> filings = new ArrayList<>();
		Set<String> periods = new HashSet<>();
		List<Map<String, Object>> given = (List<Map<String, Object>>) values.getOrDefault("filings", List.of());
		for (int i = 0; i < given.size(); i++) {
			Map<String, Object> filing = given.get(i);
			String period = (String) filing.get("period");
			if (period == null) {
				errors.add(new InvalidFactsException.FieldError("filings[" + i + "].period", "缺少申报月份"));
				continue;
			}
			if (!periods.add(period)) {
				errors.add(new InvalidFactsException.FieldError("filings[" + i + "].period", "申报月份重复：" + period));
				continue;
			}
			Double tax = (Double) filing.get("taxPaidCny");
			// 有一条记录即视为已申报，除非明确写了 filed: false
			filings.add(new Filing(YearMonth.parse(period), (Boolean) filing.getOrDefault("filed", Boolean.TRUE),
					(tax != null) ? BigDecimal.valueOf(tax) : null));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFactsException(errors);
		}
		return new TaxHistory(SpaceFacts.asOf(values, clock), LocalDate.parse((String) values.get("admittedOn")),
				filings);
	}

	/**
	 * 一个月的申报记录。
	 *
	 * @param period 所属月份
	 * @param filed 是否申报
	 * @param taxPaidCny 缴纳税额（元），未填为 {@code null}
	 */
	public record Filing(YearMonth period, boolean filed, BigDecimal taxPaidCny) {

		/** 有税收贡献：已申报且缴税额大于 0（申报了但缴 0 元不算）。 */
		public boolean paidTax() {
			return this.filed && this.taxPaidCny != null && this.taxPaidCny.signum() > 0;
		}

	}

}
