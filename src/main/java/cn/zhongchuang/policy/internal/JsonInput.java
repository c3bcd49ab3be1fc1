package cn.zhongchuang.policy.internal;

import cn.zhongchuang.policy.InvalidFactsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 把 JSON 文本读成树，语法错误报告为 {@link InvalidFactsException}（路径 {@code $}）。
 */
public final class JsonInput {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JsonInput() {
	}

	public static JsonNode parse(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new InvalidFactsException("$", "JSON 格式错误：" + ex.getOriginalMessage());
		}
	}

}
