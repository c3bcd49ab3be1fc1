package cn.zhongchuang.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import cn.zhongchuang.policy.internal.FactSchema;
import cn.zhongchuang.policy.internal.FactsReader;
import cn.zhongchuang.policy.internal.JsonInput;
import tools.jackson.databind.JsonNode;

/**
 * 一家在孵企业的事实（policy-api.md「Tenant facts」），已校验并转换为不可变 {@code Map}。
 *
 * @param asOf 判断日期，缺省为上海时区的今天
 * @param values 事实；{@code values.get("asOf")} 总是与 {@code asOf} 一致
 */
public record TenantFacts(LocalDate asOf, Map<String, Object> values) {

	public TenantFacts {
		values = SpaceFacts.withAsOf(values, asOf);
	}

	public static TenantFacts parse(String json) {
		return from(JsonInput.parse(json));
	}

	public static TenantFacts from(JsonNode json) {
		return from(json, Clock.system(SpaceFacts.ZONE));
	}

	/**
	 * 校验并转换在孵企业事实。
	 * @param json 请求体
	 * @param clock 未给 {@code asOf} 时取今天所用的时钟
	 * @return 事实
	 * @throws InvalidFactsException 格式错误时，指明字段路径
	 */
	public static TenantFacts from(JsonNode json, Clock clock) {
		Map<String, Object> values = FactsReader.read(json, FactSchema.TENANT, "");
		return new TenantFacts(SpaceFacts.asOf(values, clock), values);
	}

}
