package cn.zhongchuang.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import cn.zhongchuang.policy.Verdict.Result;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * 表格驱动测试的一行：在基准事实上改几个字段，期望某一条件得到某个结果。
 */
final class Scenario {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final String criterion;

	private final Result expected;

	private final List<Consumer<ObjectNode>> edits = new ArrayList<>();

	private String detailContains;

	private Scenario(String name, String criterion, Result expected) {
		this.name = name;
		this.criterion = criterion;
		this.expected = expected;
	}

	/** 期望条件 {@code criterion}（条件 id）的结果为 {@code expected}。 */
	static Scenario expect(String criterion, Result expected, String name) {
		return new Scenario(name, criterion, expected);
	}

	Scenario set(String path, Object value) {
		this.edits.add((root) -> set(root, path, value));
		return this;
	}

	Scenario remove(String path) {
		this.edits.add((root) -> {
			int dot = path.lastIndexOf('.');
			JsonNode parent = (dot < 0) ? root : root.at("/" + path.substring(0, dot).replace('.', '/'));
			if (parent instanceof ObjectNode object) {
				object.remove(path.substring(dot + 1));
			}
		});
		return this;
	}

	/** 同时核对详情中含有这段文字。 */
	Scenario detailContains(String text) {
		this.detailContains = text;
		return this;
	}

	String criterion() {
		return this.criterion;
	}

	Result expected() {
		return this.expected;
	}

	String detailContainsText() {
		return this.detailContains;
	}

	ObjectNode applyTo(JsonNode base) {
		ObjectNode facts = (ObjectNode) base.deepCopy();
		this.edits.forEach((edit) -> edit.accept(facts));
		return facts;
	}

	static void set(ObjectNode root, String path, Object value) {
		String[] segments = path.split("\\.");
		ObjectNode node = root;
		for (int i = 0; i < segments.length - 1; i++) {
			JsonNode child = node.get(segments[i]);
			if (!(child instanceof ObjectNode)) {
				child = node.putObject(segments[i]);
			}
			node = (ObjectNode) child;
		}
		node.set(segments[segments.length - 1], JSON.valueToTree(value));
	}

	@Override
	public String toString() {
		return this.criterion + " " + this.expected + "：" + this.name;
	}

}
