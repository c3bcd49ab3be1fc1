package cn.zhongchuang.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import cn.zhongchuang.policy.internal.FactObject;
import cn.zhongchuang.policy.internal.FactSchema;
import cn.zhongchuang.policy.internal.FactsReader;
import cn.zhongchuang.policy.internal.JsonInput;
import tools.jackson.databind.JsonNode;

/**
 * 一个众创空间的申报事实（policy-api.md「Space facts」），已校验并转换为规则使用的不可变 {@code Map} 树。解析一次即可对多个政策包求值。
 *
 * @param asOf 判断日期：请求中的 {@code asOf}，缺省为上海时区的今天
 * @param values 事实树；{@code values.get("asOf")} 总是与 {@code asOf} 一致
 */
public record SpaceFacts(LocalDate asOf, Map<String, Object> values) {

	/** 判断日期的缺省时区。 */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public SpaceFacts {
		values = withAsOf(values, asOf);
	}

	public static SpaceFacts parse(String json) {
		return from(JsonInput.parse(json));
	}

	public static SpaceFacts from(JsonNode json) {
		return from(json, Clock.system(ZONE));
	}

	/**
	 * 校验并转换空间事实。
	 * @param json 请求体
	 * @param clock 未给 {@code asOf} 时取今天所用的时钟
	 * @return 事实
	 * @throws InvalidFactsException 字段类型错误、枚举值未定义、日期不存在时，指明字段路径
	 */
	public static SpaceFacts from(JsonNode json, Clock clock) {
		return from(json, clock, FactSchema.SPACE);
	}

	/** 按某个政策包的空间事实结构读取（见 {@link PolicyPack#spaceFacts}）。 */
	static SpaceFacts from(JsonNode json, Clock clock, FactSchema.Field schema) {
		Map<String, Object> values = FactsReader.read(json, schema, "");
		return new SpaceFacts(asOf(values, clock), values);
	}

	/** 请求中的判断日期，缺省为今天。 */
	static LocalDate asOf(Map<String, Object> values, Clock clock) {
		Object given = values.get("asOf");
		return (given != null) ? LocalDate.parse((String) given) : LocalDate.now(clock);
	}

	/**
	 * 规则从事实中读取 {@code asOf}：保证它在、且与判断日期一致。读入的事实已是不可变的 {@link FactObject}（规则按下标取值），其他 Map
	 * 复制一份。
	 */
	static Map<String, Object> withAsOf(Map<String, Object> values, LocalDate asOf) {
		String date = Objects.requireNonNull(asOf, "asOf").toString();
		if (values instanceof FactObject facts) {
			return date.equals(facts.get("asOf")) ? facts : facts.with("asOf", date);
		}
		Map<String, Object> copy = new HashMap<>(values);
		copy.put("asOf", date);
		return Map.copyOf(copy);
	}

}
