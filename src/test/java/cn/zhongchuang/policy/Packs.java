package cn.zhongchuang.policy;

import cn.zhongchuang.policy.PackDefinition.Example;
import cn.zhongchuang.policy.Verdict.CriterionResult;
import tools.jackson.databind.JsonNode;

/**
 * 测试共用：随产品发布的政策包（只加载一次）与它们的基准示例。
 */
final class Packs {

	static final PolicyPacks BUNDLED = PolicyPacks.bundled();

	static final PolicyPack CHAOYANG = BUNDLED.get("beijing-chaoyang-2017");

	static final PolicyPack LANZHOU = BUNDLED.get("lanzhou-2018");

	static final PolicyPack LIAONING = BUNDLED.get("liaoning-specialized-2019");

	static final PolicyPack JIANGSU = BUNDLED.get("jiangsu-2015");

	private Packs() {
	}

	/** 政策包的第一个空间示例（自动条件全部满足）的事实。 */
	static JsonNode baseSpaceFacts(PolicyPack pack) {
		return pack.definition().examples().get(0).facts();
	}

	/** 政策包的第一个在孵企业示例的事实。 */
	static JsonNode baseTenantFacts(PolicyPack pack) {
		return pack.definition()
			.examples()
			.stream()
			.filter((example) -> example.subject() == PackDefinition.Subject.TENANT)
			.map(Example::facts)
			.findFirst()
			.orElseThrow();
	}

	/** 空间结论中 id 为 {@code id} 的条件（条件 id 缺省即条款号）。 */
	static CriterionResult result(PolicyPack pack, Verdict verdict, String id) {
		return find(pack.definition().criteria(), verdict, id);
	}

	/** 在孵企业结论中 id 为 {@code id} 的条件。 */
	static CriterionResult tenantResult(PolicyPack pack, Verdict verdict, String id) {
		return find(pack.definition().tenantCriteria().criteria(), verdict, id);
	}

	private static CriterionResult find(java.util.List<PackDefinition.Criterion> criteria, Verdict verdict, String id) {
		for (int i = 0; i < criteria.size(); i++) {
			if (criteria.get(i).id().equals(id)) {
				return verdict.criteria().get(i);
			}
		}
		throw new IllegalArgumentException("没有条件 " + id);
	}

	static Verdict.PreferredResult preferred(Verdict verdict, String article) {
		return verdict.preferred().stream().filter((item) -> item.article().equals(article)).findFirst().orElseThrow();
	}

}
